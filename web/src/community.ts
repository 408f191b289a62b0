/** The community the pages serve (GET /api/public/community), read once before the first render. */
import { get } from './api';

export interface Community {
  name: string | null;
  issuer: string | null;
  /** COMMUNITY_TZ: every date and time the pages show is in this zone (see format.ts). */
  timeZone: string;
  /** Today there by the service's clock when the pages loaded. */
  today: string | null;
  /** PUBLIC_URL: where volunteers check their passbook; null means this page's own origin. */
  publicUrl: string | null;
}

/** Until the service answers (or if it cannot), the project's default zone, never the device's. */
let current: Community = {
  name: null,
  issuer: null,
  timeZone: 'Asia/Shanghai',
  today: null,
  publicUrl: null,
};

export function community(): Community {
  return current;
}

export async function loadCommunity(): Promise<void> {
  try {
    const body = await get<Partial<Community>>('/public/community', { anonymous: true });
    current = {
      ...current,
      ...body,
      timeZone: body.timeZone ?? current.timeZone,
    };
  } catch {
    // The pages still work; the first API call will show why the service is unreachable.
  }
}

/** The public address for volunteers, without a trailing slash ("https://passbook.example.cn"). */
export function publicAddress(): string {
  return current.publicUrl ?? location.origin;
}
