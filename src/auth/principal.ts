/** Who is calling lives in common (the idempotency interceptor needs it too); auth's name for it. */
export * from '../common/principal';
