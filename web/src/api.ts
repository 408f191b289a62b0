/** The one way the pages talk to the service: same-origin JSON under /api with the session's token. */
import type { StaffRole } from './types';

export interface Session {
  token: string;
  expiresAt: string;
  kind: 'member' | 'user';
  role: StaffRole | 'volunteer';
  /** Username for staff, the member's name for volunteers. */
  name: string;
  userId?: number;
  memberId?: number;
  passbookNo?: string;
  /** Staff whose password someone else chose: the pages show only the account page until changed. */
  mustChangePassword?: boolean;
}

/** A refusal or failure, with the API's stable code (or NETWORK when the service did not answer). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request may have taken effect although no answer arrived (retry with the same key). */
  get outcomeUnknown(): boolean {
    return this.code === 'NETWORK' || this.status >= 500;
  }
}

const SESSION_KEY = 'lp.session';
let session: Session | null = loadSession();
const listeners = new Set<() => void>();

function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) {
      return null;
    }
    const parsed = JSON.parse(raw) as Session;
    return Date.parse(parsed.expiresAt) > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  if (session && Date.parse(session.expiresAt) <= Date.now()) {
    setSession(null);
  }
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
  try {
    if (next) {
      localStorage.setItem(SESSION_KEY, JSON.stringify(next));
    } else {
      localStorage.removeItem(SESSION_KEY);
    }
  } catch {
    // Storage refused (private mode): the session lives until the tab closes.
  }
  listeners.forEach((fn) => fn());
}

export function onSessionChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export interface RequestOptions {
  idempotencyKey?: string;
  /** Login calls: a 401 is a wrong password, not an expired session. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

/** Sends one request; resolves with the parsed body or rejects with an ApiError. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = options.anonymous ? null : currentSession();
  if (auth) {
    headers.Authorization = `Bearer ${auth.token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.idempotencyKey) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (err) {
    if ((err as { name?: string }).name === 'AbortError') {
      throw err;
    }
    throw new ApiError(0, 'NETWORK', 'the service did not answer');
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const err = (parsed ?? {}) as {
      code?: string;
      message?: string;
      details?: Record<string, unknown>;
    };
    const apiError = new ApiError(
      res.status,
      err.code ?? (res.status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
      err.message ?? res.statusText,
      err.details ?? {},
    );
    if (res.status === 401 && !options.anonymous && auth) {
      setSession(null);
    }
    throw apiError;
  }
  return parsed as T;
}

export const get = <T>(path: string, options?: RequestOptions) =>
  request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body ?? {}, options);
export const patch = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PATCH', path, body, options);
export const put = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PUT', path, body, options);
export const del = <T>(path: string, options?: RequestOptions) =>
  request<T>('DELETE', path, undefined, options);

/** Query string from defined values only. */
export function query(
  params: Record<string, string | number | boolean | null | undefined>,
): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const enc = encodeURIComponent;

/** A random Idempotency-Key; getRandomValues works on plain http in a LAN, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One user intent that moves points (a redemption, a donation, an activity). Its key is kept only
 * while the outcome of the last try is unknown (no answer, 5xx), so pressing again after a dropped
 * connection can never post twice; after an answer the next submission gets a fresh key.
 */
export class Submission {
  private pendingKey: string | null = null;

  async send<T>(method: 'POST', path: string, body: unknown): Promise<T> {
    const key = this.pendingKey ?? newIdempotencyKey();
    this.pendingKey = key;
    try {
      const result = await request<T>(method, path, body, { idempotencyKey: key });
      this.pendingKey = null;
      return result;
    } catch (err) {
      if (!(err instanceof ApiError && err.outcomeUnknown)) {
        this.pendingKey = null;
      }
      throw err;
    }
  }

  /** Forget an unknown outcome (after the user checked the statement). */
  reset(): void {
    this.pendingKey = null;
  }
}

/** Downloads an authenticated file (CSV) through a blob, since links cannot carry the token. */
export async function download(path: string, filename: string): Promise<void> {
  const auth = currentSession();
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      headers: auth ? { Authorization: `Bearer ${auth.token}` } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the service did not answer');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? 'INTERNAL_ERROR', body.message ?? res.statusText);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lists come as {items, nextCursor}; a few endpoints answer with a bare array. */
export function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) {
    return body as T[];
  }
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

/** Fetches every page of a list (small lists only: teams, catalog, households). */
export async function getAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const body: unknown = await get<unknown>(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { signal },
    );
    out.push(...itemsOf<T>(body));
    cursor = (body as { nextCursor?: string | null } | null)?.nextCursor ?? null;
    if (!cursor) {
      break;
    }
  }
  return out;
}
