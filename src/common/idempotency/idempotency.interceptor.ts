import { createHash } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, map, Observable } from 'rxjs';
import { actorOf, Principal } from '../principal';
import { Clock } from '../clock';
import { Database, sql } from '../db/database';
import { toSafeInteger } from '../points';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, HTTP_STATUS_OF, ReplayedRefusal } from '../errors';
import { toErrorBody } from '../http-exception.filter';

export const IDEMPOTENT_KEY = 'idempotent';
/** Marks a POST that moves points: it needs an Idempotency-Key and runs in one write transaction. */
export const Idempotent = () => SetMetadata(IDEMPOTENT_KEY, true);

const KEY_RE = /^[\x21-\x7e]{1,128}$/;

/** Stable JSON: object keys sorted, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs the whole handler and the stored response in one database transaction, so an effect and its
 * key commit together or not at all; a repeat replays the stored response, refusals included (a
 * redemption refused because the window was closed stays refused under its key: a new attempt is a
 * new key). Malformed requests (400) are not stored.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT_KEY, context.getHandler())) {
      return next.handle();
    }
    const http = context.switchToHttp();
    const req = http.getRequest<{
      headers: Record<string, string | undefined>;
      body: unknown;
      method: string;
      url: string;
      principal: Principal;
    }>();
    const reply = http.getResponse<{ header: (k: string, v: string) => void }>();
    const key = req.headers['idempotency-key'];
    if (key === undefined || key === '') {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
        'this request moves points and needs an Idempotency-Key header',
      );
    }
    if (!KEY_RE.test(key)) {
      throw DomainError.validation('Idempotency-Key must be 1-128 visible ASCII characters', {
        field: 'Idempotency-Key',
      });
    }
    const principal = actorOf(req.principal);
    const path = req.url.split('?')[0];
    const requestHash = createHash('sha256')
      .update(canonicalJson({ method: req.method, path, body: req.body ?? null }))
      .digest('hex');

    const run = this.db.write(async (em): Promise<Outcome> => {
      // Concurrent repeats of one key wait here for the first to commit, then replay it.
      await this.db.lockName(`idem:${principal}:${key}`);
      const [existing] = await this.stored(em, principal, key);
      if (existing) {
        if (existing.request_hash !== requestHash) {
          throw new DomainError(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            'this Idempotency-Key was already used for a different request',
          );
        }
        const stored = JSON.parse(existing.response_body) as unknown;
        const statusCode = toSafeInteger(existing.status_code);
        return statusCode >= 400
          ? { kind: 'refused', error: new ReplayedRefusal(statusCode, stored) }
          : { kind: 'replayed', body: stored };
      }
      // The handler runs in a savepoint: a refusal rolls its work back but is itself stored, in the
      // same transaction, so a repeat answers the same refusal instead of trying again.
      await em.query('SAVEPOINT idempotent_handler');
      let body: unknown;
      try {
        body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        // Not released on success: the commit (or the enclosing savepoint's release) ends it, and
        // on PostgreSQL a RELEASE would be one more round trip while the ledger's lock is held.
      } catch (err) {
        try {
          await em.query('ROLLBACK TO SAVEPOINT idempotent_handler');
          await em.query('RELEASE SAVEPOINT idempotent_handler');
        } catch {
          // The database ended the whole transaction (disk full, lost connection): its error counts.
          throw err;
        }
        if (!isStoredRefusal(err)) {
          throw err;
        }
        const refusal = toErrorBody(err);
        await this.store(em, principal, key, requestHash, refusal.statusCode, refusal);
        return { kind: 'refused', error: err };
      }
      // Nest answers every success of a route with its one status.
      const status =
        this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
      await this.store(em, principal, key, requestHash, status, body ?? null);
      return { kind: 'done', body };
    });
    return from(run).pipe(
      map((outcome) => {
        switch (outcome.kind) {
          case 'refused':
            throw outcome.error;
          case 'replayed':
            reply.header('Idempotent-Replayed', 'true');
            return outcome.body;
          case 'done':
            return outcome.body;
        }
      }),
    );
  }

  // The record of idempotency_keys (IdempotencyRecord) in plain SQL: on every write request, where
  // the query builder cost more CPU than the database did.
  private stored(
    em: EntityManager,
    principal: string,
    key: string,
  ): Promise<{ request_hash: string; status_code: unknown; response_body: string }[]> {
    return em.query(
      sql(
        this.db,
        'SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE principal = ? AND "key" = ?',
      ),
      [principal, key],
    );
  }

  private async store(
    em: EntityManager,
    principal: string,
    key: string,
    requestHash: string,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await em.query(
      sql(
        this.db,
        `INSERT INTO idempotency_keys (principal, "key", request_hash, status_code, response_body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      [
        principal,
        key,
        requestHash,
        statusCode,
        JSON.stringify(body),
        this.clock.now().toISOString(),
      ],
    );
  }
}

type Outcome =
  | { kind: 'done'; body: unknown }
  | { kind: 'replayed'; body: unknown }
  | { kind: 'refused'; error: unknown };

/**
 * Refusals of the request's substance (404, 409, 422) are part of its answer and are replayed.
 * Malformed requests (400) are not stored: the client fixes the body and may reuse the key.
 */
function isStoredRefusal(err: unknown): err is DomainError {
  return (
    err instanceof DomainError &&
    err.code !== ErrorCode.IDEMPOTENCY_KEY_REUSED &&
    [404, 409, 422].includes(HTTP_STATUS_OF[err.code])
  );
}
