import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock, isIsoDate, zonedTime } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  RedemptionWindow,
  RedemptionWindowEvent,
  RedemptionWindowEventKind,
} from './entities/redemption-window.entity';
import { scheduledWindowsAround } from './redemption-rule';
import { CommunityRules } from '../communities/community-rules';
import { decodeIdCursor, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';

export interface WindowView {
  id: number;
  kind: RedemptionWindow['kind'];
  periodKey: string | null;
  opensAt: string;
  closesAt: string;
  note: string | null;
  closedEarly: { by: string; at: string } | null;
}

export interface WindowEventView {
  kind: RedemptionWindowEventKind;
  at: string;
  actor: string;
  note: string | null;
  recordedAt: string;
}

export interface SyncResult {
  created: string[];
  rescheduled: string[];
  opened: number[];
  closed: number[];
}

/** An ad-hoc window longer than this is most likely a mistyped date. */
const AD_HOC_DAYS_MAX = 92;
const DAY_MS = 86_400_000;
const SYSTEM = 'system:scheduler';

/**
 * Redemption windows. Whether the shop is open is decided only from the stored windows and the
 * clock, so a restart or a missed scheduler tick changes nothing; the job merely makes sure the
 * windows exist and logs their openings and closings.
 */
@Injectable()
export class RedemptionWindowsService {
  private readonly logger = new Logger('RedemptionWindows');

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: CommunityRules,
  ) {}

  /** The community's window open at `at` (the earliest opened if windows overlap), or null. */
  async openWindowAt(communityId: number, at: Date): Promise<RedemptionWindow | null> {
    const now = at.toISOString();
    // Plain SQL: every redemption asks this before its write.
    return this.db.read(async (em) => {
      const rows: WindowRow[] = await em.query(
        sql(
          this.db,
          `SELECT ${WINDOW_COLUMNS} FROM redemption_windows
           WHERE community_id = ? AND opens_at <= ? AND closes_at > ?
           ORDER BY opens_at ASC, id ASC LIMIT 1`,
        ),
        [communityId, now, now],
      );
      return rows.length ? windowOf(rows[0]) : null;
    });
  }

  /** The community's first window opening after `at`, or null. */
  async nextWindowAfter(communityId: number, at: Date): Promise<RedemptionWindow | null> {
    const now = at.toISOString();
    return this.db.read(async (em) => {
      const rows = await em
        .createQueryBuilder(RedemptionWindow, 'w')
        .where('w.community_id = :communityId', { communityId })
        .andWhere('w.opens_at > :now AND w.closes_at > w.opens_at', { now })
        .orderBy('w.opens_at', 'ASC')
        .addOrderBy('w.id', 'ASC')
        .limit(1)
        .getMany();
      return rows[0] ?? null;
    });
  }

  /** Refuses with REDEMPTION_WINDOW_CLOSED (naming the next window) unless one is open now. */
  async requireOpenWindow(communityId: number): Promise<RedemptionWindow> {
    const now = this.clock.now();
    const open = await this.openWindowAt(communityId, now);
    if (open) {
      return open;
    }
    const next = await this.nextWindowAfter(communityId, now);
    throw new DomainError(
      ErrorCode.REDEMPTION_WINDOW_CLOSED,
      next
        ? `the shop is not redeeming now; the next redemption window opens at ${next.opensAt}`
        : 'the shop is not redeeming now and no redemption window is planned',
      {
        reason: 'WINDOW_NOT_OPEN',
        opensAt: next?.opensAt ?? null,
        next: next && { id: next.id, opensAt: next.opensAt, closesAt: next.closesAt },
      },
    );
  }

  async isOpen(windowId: number, at: Date): Promise<boolean> {
    const w = await this.db.read((em) => em.findOneBy(RedemptionWindow, { id: windowId }));
    const now = at.toISOString();
    return !!w && w.opensAt <= now && now < w.closesAt;
  }

  /** Whether the community's shop redeems now, and its next window. */
  async current(
    communityId: number,
  ): Promise<{ open: boolean; window: WindowView | null; next: WindowView | null }> {
    const now = this.clock.now();
    const [open, next] = await Promise.all([
      this.openWindowAt(communityId, now),
      this.nextWindowAfter(communityId, now),
    ]);
    return { open: !!open, window: open && toView(open), next: next && toView(next) };
  }

  /** An extra window an administrator adds; times with an offset, or local time without one. */
  async createAdHoc(
    input: { opensAt: string; closesAt: string; note?: string },
    actor: string,
    communityId: number,
  ): Promise<WindowView> {
    const now = this.clock.now();
    const closesAt = this.parseInstant(input.closesAt, 'closesAt');
    // A window asked to start in the past starts now: it was not open before it existed.
    const requested = this.parseInstant(input.opensAt, 'opensAt');
    if (closesAt <= requested) {
      throw DomainError.validation('closesAt must be after opensAt', { field: 'closesAt' });
    }
    if (closesAt <= now) {
      throw DomainError.validation('closesAt is in the past; a window must still be ahead', {
        field: 'closesAt',
      });
    }
    const opensAt = requested < now ? now : requested;
    if (closesAt.getTime() - opensAt.getTime() > AD_HOC_DAYS_MAX * DAY_MS) {
      throw DomainError.validation(`a window may last at most ${AD_HOC_DAYS_MAX} days`, {
        field: 'closesAt',
      });
    }
    return this.db.write(async (em) => {
      const w = await em.save(
        em.create(RedemptionWindow, {
          communityId,
          kind: 'ad_hoc',
          periodKey: null,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          note: input.note ?? null,
          createdBy: actor,
          createdAt: now.toISOString(),
          closedBy: null,
          closedAt: null,
        }),
      );
      await this.record(em, w.id, 'created', now.toISOString(), actor, describe(w));
      if (w.opensAt <= now.toISOString()) {
        await this.record(em, w.id, 'opened', w.opensAt, actor, null);
      }
      return toView(w);
    });
  }

  /** Ends a window now (or cancels one that has not opened); redemptions stop at once. */
  async close(id: number, actor: string, communityId: number, note?: string): Promise<WindowView> {
    return this.db.write(async (em) => {
      await this.db.lockName(windowsLock(communityId));
      const w = await em.findOneBy(RedemptionWindow, { id, communityId });
      if (!w) {
        throw DomainError.notFound('redemption window');
      }
      const now = this.clock.now().toISOString();
      if (w.closesAt <= now) {
        throw new DomainError(ErrorCode.CONFLICT, `this window already closed at ${w.closesAt}`, {
          reason: 'WINDOW_ALREADY_CLOSED',
          windowId: w.id,
          closesAt: w.closesAt,
        });
      }
      const planned = w.closesAt;
      if (
        w.opensAt <= now &&
        !(await em.findOneBy(RedemptionWindowEvent, { windowId: id, kind: 'opened' }))
      ) {
        // The opening happened before any tick logged it; keep the log in order.
        await this.record(em, id, 'opened', w.opensAt, SYSTEM, null);
      }
      // A window not yet open is cancelled: it ends where it would have begun and never opens.
      const closesAt = w.opensAt > now ? w.opensAt : now;
      await em.update(RedemptionWindow, { id }, { closesAt, closedBy: actor, closedAt: now });
      await this.record(
        em,
        id,
        'closed',
        now,
        actor,
        [
          w.opensAt > now ? 'cancelled before opening' : 'closed early',
          `planned to close at ${planned}`,
          note,
        ]
          .filter(Boolean)
          .join('; '),
      );
      return toView({ ...w, closesAt, closedBy: actor, closedAt: now });
    });
  }

  async list(
    page: { limit: number; cursor?: string },
    communityId: number,
  ): Promise<{ items: WindowView[]; nextCursor: string | null }> {
    const beforeId = decodeIdCursor(page.cursor);
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(RedemptionWindow, 'w')
        .where('w.community_id = :communityId', { communityId })
        .orderBy('w.id', 'DESC');
      if (beforeId !== undefined) {
        qb.andWhere('w.id < :beforeId', { beforeId });
      }
      const rows = await qb.limit(page.limit + 1).getMany();
      return toPage(rows, page.limit, toView);
    });
  }

  async get(id: number, communityId: number): Promise<WindowView & { events: WindowEventView[] }> {
    return this.db.read(async (em) => {
      const w = await em.findOneBy(RedemptionWindow, { id, communityId });
      if (!w) {
        throw DomainError.notFound('redemption window');
      }
      const events = await em.find(RedemptionWindowEvent, {
        where: { windowId: id },
        order: { id: 'ASC' },
      });
      return {
        ...toView(w),
        events: events.map((e) => ({
          kind: e.kind,
          at: e.at,
          actor: e.actor,
          note: e.note,
          recordedAt: e.recordedAt,
        })),
      };
    });
  }

  /**
   * The scheduler's work for every community, one after another (each in its own write, so one
   * community's bad rule file does not hold back the others' windows); the results merged.
   */
  async sync(): Promise<SyncResult> {
    const rows: { id: unknown }[] = await this.db.read((em) =>
      em.query('SELECT id FROM communities ORDER BY id'),
    );
    const merged: SyncResult = { created: [], rescheduled: [], opened: [], closed: [] };
    let failure: Error | null = null;
    for (const { id } of rows) {
      try {
        const r = await this.syncCommunity(Number(id));
        merged.created.push(...r.created);
        merged.rescheduled.push(...r.rescheduled);
        merged.opened.push(...r.opened);
        merged.closed.push(...r.closed);
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(String(err));
      }
    }
    if (failure) {
      throw failure;
    }
    return merged;
  }

  /**
   * One community's scheduler work, safe to run at any time and any number of times: creates the
   * current and next scheduled windows of its redemption rule, moves those not yet open to a
   * changed rule, and logs every opening and closing that has happened (at its true instant,
   * however late the tick).
   */
  async syncCommunity(communityId: number): Promise<SyncResult> {
    const rules = await this.rules.of(communityId);
    const result = await this.db.write(async (em) => {
      await this.db.lockName(windowsLock(communityId));
      const now = this.clock.now();
      const nowIso = now.toISOString();
      const result: SyncResult = { created: [], rescheduled: [], opened: [], closed: [] };
      const planned = scheduledWindowsAround(now, rules.redemption, this.config.timeZone);
      const existing = planned.length
        ? await em.findBy(RedemptionWindow, {
            communityId,
            periodKey: In(planned.map((p) => p.periodKey)),
          })
        : [];
      for (const p of planned) {
        const opensAt = p.opensAt.toISOString();
        const closesAt = p.closesAt.toISOString();
        const stored = existing.find((w) => w.periodKey === p.periodKey);
        if (!stored) {
          const w = await em.save(
            em.create(RedemptionWindow, {
              communityId,
              kind: 'scheduled',
              periodKey: p.periodKey,
              opensAt,
              closesAt,
              note: null,
              createdBy: SYSTEM,
              createdAt: nowIso,
              closedBy: null,
              closedAt: null,
            }),
          );
          await this.record(em, w.id, 'created', nowIso, SYSTEM, describe(w));
          result.created.push(p.periodKey);
        } else if (
          stored.opensAt > nowIso &&
          stored.closedAt === null &&
          (stored.opensAt !== opensAt || stored.closesAt !== closesAt) &&
          closesAt > nowIso
        ) {
          await em.update(RedemptionWindow, { id: stored.id }, { opensAt, closesAt });
          await this.record(
            em,
            stored.id,
            'rescheduled',
            nowIso,
            SYSTEM,
            `redemption.json changed: was ${describe(stored)}, now ${opensAt} to ${closesAt}`,
          );
          result.rescheduled.push(p.periodKey);
        }
      }
      await this.recordTransitions(em, communityId, nowIso, result);
      return result;
    });
    const of = `of community ${rules.code}`;
    for (const key of result.created) {
      this.logger.log(`scheduled redemption window ${key} ${of} created`);
    }
    for (const id of result.opened) {
      this.logger.log(`redemption window ${id} ${of} opened`);
    }
    for (const id of result.closed) {
      this.logger.log(`redemption window ${id} ${of} closed`);
    }
    return result;
  }

  private async recordTransitions(
    em: EntityManager,
    communityId: number,
    nowIso: string,
    result: SyncResult,
  ) {
    // Windows that have begun and whose log does not yet show them closed.
    const pending: RedemptionWindow[] = await em
      .createQueryBuilder(RedemptionWindow, 'w')
      .where('w.community_id = :communityId', { communityId })
      .andWhere('w.opens_at <= :now', { now: nowIso })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM redemption_window_events e WHERE e.window_id = w.id AND e.kind = 'closed')`,
      )
      .orderBy('w.opens_at', 'ASC')
      .getMany();
    if (pending.length === 0) {
      return;
    }
    const openedRows: { window_id: unknown }[] = await em.query(
      sql(
        this.db,
        `SELECT window_id FROM redemption_window_events WHERE kind = 'opened' AND window_id IN (${pending.map(() => '?').join(', ')})`,
      ),
      pending.map((w) => w.id),
    );
    const opened = new Set(openedRows.map((r) => Number(r.window_id)));
    for (const w of pending) {
      if (!opened.has(w.id) && w.closesAt > w.opensAt) {
        await this.record(em, w.id, 'opened', w.opensAt, SYSTEM, null);
        result.opened.push(w.id);
      }
      if (w.closesAt <= nowIso) {
        await this.record(em, w.id, 'closed', w.closesAt, SYSTEM, null);
        result.closed.push(w.id);
      }
    }
  }

  private async record(
    em: EntityManager,
    windowId: number,
    kind: RedemptionWindowEventKind,
    at: string,
    actor: string,
    note: string | null,
  ): Promise<void> {
    await em.insert(RedemptionWindowEvent, {
      windowId,
      kind,
      at,
      actor,
      note,
      recordedAt: this.clock.now().toISOString(),
    });
  }

  /** ISO-8601 with an offset, or a local date-time ("2026-07-01T09:00") in the community's zone. */
  private parseInstant(text: string, field: string): Date {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
      text,
    );
    if (
      !m ||
      !isIsoDate(m[1]) ||
      Number(m[1].slice(0, 4)) < 2000 ||
      Number(m[1].slice(0, 4)) > 2199
    ) {
      throw DomainError.validation(
        `${field} must be a date-time like "2026-07-01T09:00:00+08:00"`,
        { field },
      );
    }
    const date = m[5]
      ? new Date(text)
      : zonedTime(m[1], `${m[2]}${m[3] ?? ':00'}`, this.config.timeZone);
    if (Number.isNaN(date.getTime()) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(m[2])) {
      throw DomainError.validation(`${field} is not a valid time`, { field });
    }
    return date;
  }
}

/** Window changes of one community wait for each other; communities do not. */
const windowsLock = (communityId: number): string => `shop:windows:${communityId}`;

function toView(w: RedemptionWindow): WindowView {
  return {
    id: w.id,
    kind: w.kind,
    periodKey: w.periodKey,
    opensAt: w.opensAt,
    closesAt: w.closesAt,
    note: w.note,
    closedEarly: w.closedBy && w.closedAt ? { by: w.closedBy, at: w.closedAt } : null,
  };
}

function describe(w: { opensAt: string; closesAt: string }): string {
  return `${w.opensAt} to ${w.closesAt}`;
}

const WINDOW_COLUMNS =
  'community_id, id, kind, period_key, opens_at, closes_at, note, created_by, created_at, closed_by, closed_at';

interface WindowRow {
  community_id: unknown;
  id: unknown;
  kind: RedemptionWindow['kind'];
  period_key: string | null;
  opens_at: string;
  closes_at: string;
  note: string | null;
  created_by: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

/** A redemption_windows row read in plain SQL, as TypeORM would have loaded it. */
function windowOf(row: WindowRow): RedemptionWindow {
  return Object.assign(new RedemptionWindow(), {
    communityId: toSafeInteger(row.community_id),
    id: toSafeInteger(row.id),
    kind: row.kind,
    periodKey: row.period_key,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
  });
}
