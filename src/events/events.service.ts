import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import {
  AccessPolicy,
  communityOf,
  eventScopeOf,
  isAdmin,
  leaderIdOf,
  takePartSql,
} from '../access/access.policy';
import { actorOf, Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeCursor, encodeCursor, LIMIT_DEFAULT, Page } from '../common/pagination';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Member } from '../people/entities/member.entity';
import { Team } from '../people/entities/team.entity';
import { findItem, StandardVersion } from '../standard/scoring-standard';
import { StandardService } from '../standard/standard.service';
import { CreateEventDto } from './dto/create-event.dto';
import { CancelEventDto, ListEventsQueryDto } from './dto/event-queries.dto';
import { Event, EventAttendance, EventItem, EventSignup, EventTeam } from './entities';
import { eventBounds } from './event-hours';

/** The tag of the event list's cursor: its date (as YYYYMMDD) and id, newest first. */
const EVENT_CURSOR = 'ev';

/** A volunteer, as the guard hands them to the `me/events` routes. */
export type VolunteerPrincipal = Principal & { kind: 'member' };

/** A member's sign-up as the API shows it to them. */
export interface MySignupView {
  eventId: number;
  status: 'signed_up' | 'withdrawn';
  signedUpAt?: string;
  withdrawnAt?: string | null;
}

/** An event with what it is made of: its teams and its items, in order. */
export interface LoadedEvent {
  event: Event;
  teamIds: number[];
  itemCodes: string[];
}

/**
 * Events (活动): the monthly fair on the square, a patrol night. An event is planned with its
 * date, times, teams and items, optionally published for sign-up, run on the day (check-in and
 * check-out: AttendanceService), and closed into service records (EventCloseService).
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly standard: StandardService,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  /** `POST /api/events` (admin; a leader of at least one of its teams). */
  async create(principal: Principal, dto: CreateEventDto) {
    const communityId = communityOf(principal);
    const title = dto.title.trim();
    const place = dto.place.trim();
    const fields: { field: string; problems: string[] }[] = [];
    if (title === '') {
      fields.push({ field: 'title', problems: ['title must name the event'] });
    }
    if (place === '') {
      fields.push({ field: 'place', problems: ['place must say where the event is'] });
    }
    if (dto.startsAt >= dto.endsAt) {
      fields.push({ field: 'endsAt', problems: ['endsAt must be after startsAt'] });
    }
    const teamIds = [...new Set(dto.teamIds)];
    const itemCodes = [...new Set(dto.itemCodes)];
    if (teamIds.length !== dto.teamIds.length) {
      fields.push({ field: 'teamIds', problems: ['teamIds lists a team twice'] });
    }
    if (itemCodes.length !== dto.itemCodes.length) {
      fields.push({ field: 'itemCodes', problems: ['itemCodes lists an item twice'] });
    }
    const deadline = dto.signup?.deadline;
    if (deadline !== undefined && !/(Z|[+-]\d{2}:\d{2})$/.test(deadline)) {
      fields.push({
        field: 'signup.deadline',
        problems: ['signup.deadline must carry its offset, e.g. 2026-12-12T18:00:00+08:00'],
      });
    }
    if (fields.length > 0) {
      throw DomainError.validation(fields.flatMap((f) => f.problems).join('; '), { fields });
    }

    const version = await this.standard.versionOn(communityId, dto.date);
    if (!version) {
      throw new DomainError(
        ErrorCode.SERVICE_DATE_OUT_OF_RANGE,
        `no scoring standard is in force on ${dto.date}`,
        { reason: 'NO_STANDARD', serviceDate: dto.date },
      );
    }
    this.assertItems(principal, version, itemCodes);

    return this.db.write(async (em) => {
      const teams = await em.findBy(Team, { id: In(teamIds), communityId });
      if (teams.length !== teamIds.length) {
        throw DomainError.notFound('team');
      }
      if (!isAdmin(principal)) {
        const leaderId = leaderIdOf(principal);
        const led = leaderId === null ? [] : await this.access.ledTeamIds(leaderId);
        if (!teamIds.some((t) => led.includes(t))) {
          throw new DomainError(
            ErrorCode.FORBIDDEN,
            'a leader plans events of a team they lead: list at least one of your teams',
            { reason: 'NOT_TEAM_LEADER', teamIds },
          );
        }
      }
      const bounds = eventBounds(
        { eventDate: dto.date, startsAt: dto.startsAt, endsAt: dto.endsAt },
        this.appConfig.timeZone,
      );
      const event = em.create(Event, {
        communityId,
        title,
        place,
        eventDate: dto.date,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        status: 'planned',
        signupAudience: dto.signup?.audience ?? null,
        capacity: dto.signup?.capacity ?? null,
        signupDeadline: dto.signup
          ? deadline === undefined
            ? bounds.from
            : new Date(deadline).toISOString()
          : null,
        description: dto.description?.trim() || null,
        checkinSecret: randomBytes(32).toString('hex'),
        createdBy: actorOf(principal),
        createdAt: this.clock.now().toISOString(),
        closedBy: null,
        closedAt: null,
        cancelReason: null,
      });
      event.id = toSafeInteger((await em.insert(Event, event)).identifiers[0].id);
      await em.insert(
        EventTeam,
        teamIds.map((teamId) => ({ eventId: event.id, teamId })),
      );
      await em.insert(
        EventItem,
        itemCodes.map((itemCode, position) => ({ eventId: event.id, itemCode, position })),
      );
      return this.view(em, { event, teamIds, itemCodes });
    });
  }

  /** `GET /api/events/:id` for whoever runs it (others: 404). */
  async getOne(principal: Principal, id: number) {
    return this.db.read(async (em) => this.view(em, await this.toRun(em, principal, id)));
  }

  /**
   * The event, with its teams and items, if the principal runs it (AccessPolicy.mayRunEvent);
   * otherwise 404, so event ids cannot be probed. With `forUpdate`, locked for the rest of the
   * write (two leaders closing one event: the second waits and sees it closed).
   */
  async toRun(
    em: EntityManager,
    principal: Principal,
    id: number,
    opts: { lock?: boolean } = {},
  ): Promise<LoadedEvent> {
    if (opts.lock) {
      await this.db.lockName(`event:${id}`);
    }
    const loaded = await this.load(em, id);
    if (!loaded || !(await this.access.mayRunEvent(principal, loaded))) {
      throw DomainError.notFound('event');
    }
    return loaded;
  }

  /** An event with its teams and items, whoever asks (null when there is none). */
  async load(
    em: EntityManager,
    id: number,
  ): Promise<(LoadedEvent & { communityId: number; signupAudience: string | null }) | null> {
    const event = await em
      .createQueryBuilder(Event, 'e')
      .addSelect('e.checkin_secret', 'e_checkin_secret')
      .where('e.id = :id', { id })
      .getOne();
    if (!event) {
      return null;
    }
    const teams = await em.find(EventTeam, { where: { eventId: id }, order: { teamId: 'ASC' } });
    const items = await em.find(EventItem, { where: { eventId: id }, order: { position: 'ASC' } });
    return {
      event,
      communityId: event.communityId,
      signupAudience: event.signupAudience,
      teamIds: teams.map((t) => t.teamId),
      itemCodes: items.map((i) => i.itemCode),
    };
  }

  /** A planned event, or 409 CONFLICT EVENT_NOT_PLANNED naming what it is now. */
  assertPlanned(event: Event): void {
    if (event.status !== 'planned') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `event ${event.id} is ${event.status}; it can no longer be changed`,
        { reason: 'EVENT_NOT_PLANNED', status: event.status },
      );
    }
  }

  /** The standard version an event's records are scored by: the one in force on its date. */
  async versionOf(event: Event): Promise<StandardVersion> {
    const version = await this.standard.versionOn(event.communityId, event.eventDate);
    if (!version) {
      throw new DomainError(
        ErrorCode.SERVICE_DATE_OUT_OF_RANGE,
        `no scoring standard is in force on ${event.eventDate}`,
        { reason: 'NO_STANDARD', serviceDate: event.eventDate },
      );
    }
    return version;
  }

  /** Every item must be of the standard in force; items an admin awards only cannot be planned by a leader. */
  private assertItems(principal: Principal, version: StandardVersion, itemCodes: string[]) {
    const unknown = itemCodes.filter((c) => !findItem(version, c));
    if (unknown.length > 0) {
      throw new DomainError(
        ErrorCode.UNKNOWN_ITEM,
        `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is not an item' : 'are not items'} of the scoring standard in force (version ${version.version}); see GET /api/standard`,
        { reason: 'NOT_IN_STANDARD', itemCode: unknown[0], standardVersion: version.version },
      );
    }
    const adminOnly = itemCodes.filter((c) => findItem(version, c)!.item.adminOnly);
    if (adminOnly.length > 0 && !isAdmin(principal)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `${adminOnly.join(', ')} ${adminOnly.length === 1 ? 'is' : 'are'} awarded by an administrator only`,
        { reason: 'ADMIN_ONLY_ITEM', itemCode: adminOnly[0] },
      );
    }
  }

  /** The API shape of an event. */
  async view(em: EntityManager, loaded: LoadedEvent) {
    return (await this.views(em, [loaded]))[0];
  }

  /** The API shapes of several events, read together (a page of the list). */
  async views(em: EntityManager, events: LoadedEvent[]) {
    const teamIds = [...new Set(events.flatMap((l) => l.teamIds))];
    const teams = teamIds.length ? await em.findBy(Team, { id: In(teamIds) }) : [];
    const names = new Map(teams.map((t) => [t.id, t.name]));
    const withSignup = events.filter((l) => l.event.signupAudience).map((l) => l.event.id);
    const counts: { eventId: unknown; n: unknown }[] = withSignup.length
      ? await em
          .createQueryBuilder(EventSignup, 's')
          .select('s.event_id', 'eventId')
          .addSelect('COUNT(*)', 'n')
          .where('s.event_id IN (:...ids)', { ids: withSignup })
          .andWhere('s.status = :status', { status: 'signed_up' })
          .groupBy('s.event_id')
          .getRawMany()
      : [];
    const signedUpOf = new Map(counts.map((c) => [Number(c.eventId), Number(c.n)]));
    const versions = new Map<string, Promise<StandardVersion | null>>();
    const versionOf = (event: Event) => {
      const key = `${event.communityId}:${event.eventDate}`;
      if (!versions.has(key)) {
        versions.set(key, this.standard.versionOn(event.communityId, event.eventDate));
      }
      return versions.get(key)!;
    };
    const out = [];
    for (const { event, teamIds: eventTeams, itemCodes } of events) {
      const version = await versionOf(event);
      out.push({
        id: event.id,
        title: event.title,
        place: event.place,
        date: event.eventDate,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        status: event.status,
        description: event.description,
        teams: eventTeams.map((id) => ({ id, name: names.get(id) ?? null })),
        items: itemCodes.map((code) => {
          const found = version ? findItem(version, code) : null;
          return {
            code,
            name: found?.item.name ?? null,
            unit: found?.item.unit ?? null,
            pointsPerUnit: found ? formatCents(found.item.pointsPerUnit) : null,
            hoursPerTime:
              found?.item.hoursPerTime === undefined ? null : formatCents(found.item.hoursPerTime),
          };
        }),
        signup: event.signupAudience
          ? {
              audience: event.signupAudience,
              capacity: event.capacity,
              deadline: event.signupDeadline,
              signedUp: signedUpOf.get(event.id) ?? 0,
            }
          : null,
        createdBy: event.createdBy,
        createdAt: event.createdAt,
        closedBy: event.closedBy,
        closedAt: event.closedAt,
        cancelReason: event.cancelReason,
      });
    }
    return out;
  }

  /** Events by id with their teams and items, in the order of `ids` (for the lists). */
  private async loadMany(em: EntityManager, ids: number[]): Promise<LoadedEvent[]> {
    if (ids.length === 0) {
      return [];
    }
    const events = await em.findBy(Event, { id: In(ids) });
    const teams = await em.find(EventTeam, {
      where: { eventId: In(ids) },
      order: { teamId: 'ASC' },
    });
    const items = await em.find(EventItem, {
      where: { eventId: In(ids) },
      order: { position: 'ASC' },
    });
    const byId = new Map(events.map((e) => [e.id, e]));
    return ids.map((id) => ({
      event: byId.get(id)!,
      teamIds: teams.filter((t) => t.eventId === id).map((t) => t.teamId),
      itemCodes: items.filter((i) => i.eventId === id).map((i) => i.itemCode),
    }));
  }

  /**
   * `GET /api/events`: an admin's the community's, a leader's those of the teams they lead
   * (AccessPolicy.eventScopeOf); newest date first, then newest id.
   */
  async list(principal: Principal, query: ListEventsQueryDto): Promise<Page<EventView>> {
    const communityId = communityOf(principal);
    const scope = eventScopeOf(principal);
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw DomainError.validation('from must not be after to', { field: 'to' });
    }
    const after = decodeCursor(EVENT_CURSOR, query.cursor, ['integer', 'id']);
    const afterDate = after === undefined ? undefined : dateOfKey(after[0]);
    const limit = query.limit ?? LIMIT_DEFAULT;
    if (scope.kind === 'none') {
      return { items: [], nextCursor: null };
    }
    const where = ['e.community_id = ?'];
    const params: unknown[] = [communityId];
    if (scope.kind === 'led') {
      where.push(scope.condition('e.id'));
      params.push(scope.leaderId);
    }
    if (query.status !== undefined) {
      where.push('e.status = ?');
      params.push(query.status);
    }
    if (query.from !== undefined) {
      where.push('e.event_date >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('e.event_date <= ?');
      params.push(query.to);
    }
    if (after !== undefined) {
      where.push('(e.event_date < ? OR (e.event_date = ? AND e.id < ?))');
      params.push(afterDate, afterDate, after[1]);
    }
    return this.db.read(async (em) => {
      const rows: { id: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT e.id FROM events e WHERE ${where.join(' AND ')}
           ORDER BY e.event_date DESC, e.id DESC LIMIT ${limit + 1}`,
        ),
        params,
      );
      const ids = rows.map((r) => toSafeInteger(r.id));
      const kept = await this.loadMany(em, ids.slice(0, limit));
      const last = kept[kept.length - 1]?.event;
      return {
        items: await this.views(em, kept),
        nextCursor:
          ids.length > limit && last
            ? encodeCursor(EVENT_CURSOR, keyOfDate(last.eventDate), last.id)
            : null,
      };
    });
  }

  /**
   * `POST /api/events/:id/cancel`: a planned event does not take place. Kept with its reason, who
   * cancelled it and when (closedBy, closedAt); its sign-ups stay as they were.
   */
  async cancel(principal: Principal, id: number, dto: CancelEventDto) {
    return this.db.write(async (em) => {
      const loaded = await this.toRun(em, principal, id, { lock: true });
      this.assertPlanned(loaded.event);
      const change = {
        status: 'cancelled' as const,
        cancelReason: dto.reason,
        closedBy: actorOf(principal),
        closedAt: this.clock.now().toISOString(),
      };
      await em.update(Event, { id }, change);
      return this.view(em, { ...loaded, event: Object.assign(loaded.event, change) });
    });
  }

  /** `GET /api/events/:id/signups`: who signed up, first come first, then who withdrew. */
  async signups(principal: Principal, id: number) {
    return this.db.read(async (em) => {
      await this.toRun(em, principal, id);
      const rows: {
        member_id: unknown;
        name: string;
        passbook_no: string;
        status: 'signed_up' | 'withdrawn';
        signed_up_at: string;
        withdrawn_at: string | null;
      }[] = await em.query(
        sql(
          this.db,
          `SELECT s.member_id, m.name, m.passbook_no, s.status, s.signed_up_at, s.withdrawn_at
           FROM event_signups s JOIN members m ON m.id = s.member_id
           WHERE s.event_id = ? ORDER BY s.status, s.signed_up_at, s.member_id`,
        ),
        [id],
      );
      return {
        items: rows.map((r) => ({
          memberId: toSafeInteger(r.member_id),
          name: r.name,
          passbookNo: r.passbook_no,
          status: r.status,
          signedUpAt: r.signed_up_at,
          withdrawnAt: r.withdrawn_at,
        })),
      };
    });
  }

  /**
   * `GET /api/me/events`: the planned events from today (the community's zone) the volunteer may
   * take part in (AccessPolicy.takePartSql), soonest first, with their own sign-up and attendance.
   */
  async mine(principal: VolunteerPrincipal) {
    const today = this.clock.today(this.appConfig.timeZone);
    return this.db.read(async (em) => {
      const rows: { id: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT e.id FROM events e
           WHERE e.status = 'planned' AND e.event_date >= ? AND ${takePartSql('e')}
           ORDER BY e.event_date, e.starts_at, e.id`,
        ),
        [today, principal.communityId, principal.memberId, principal.memberId],
      );
      const loaded = await this.loadMany(
        em,
        rows.map((r) => toSafeInteger(r.id)),
      );
      const ids = loaded.map((l) => l.event.id);
      const where = { memberId: principal.memberId, eventId: In(ids) };
      const signups = ids.length ? await em.findBy(EventSignup, where) : [];
      const attendance = ids.length ? await em.findBy(EventAttendance, where) : [];
      const views = await this.views(em, loaded);
      return {
        items: views.map((view) => {
          const signup = signups.find((s) => s.eventId === view.id);
          const present = attendance.find((a) => a.eventId === view.id);
          return {
            ...view,
            mySignup: signup?.status ?? null,
            myAttendance: present
              ? { checkInAt: present.checkInAt, checkOutAt: present.checkOutAt }
              : null,
          };
        }),
      };
    });
  }

  /**
   * `POST /api/me/events/:id/signup`: a place at an event published for sign-up to the volunteer,
   * before its deadline, while places are left. The event is locked, so a burst of sign-ups for
   * the last places takes exactly as many as there are. A repeat is a no-op; after a withdrawal
   * the same row is signed up again.
   */
  async signUp(principal: VolunteerPrincipal, id: number): Promise<MySignupView> {
    const memberId = principal.memberId;
    return this.db.write(async (em) => {
      await this.db.lockName(`event:${id}`);
      const loaded = await this.load(em, id);
      const existing = loaded ? await em.findOneBy(EventSignup, { eventId: id, memberId }) : null;
      if (
        !loaded ||
        !loaded.signupAudience ||
        !(await this.access.mayTakePart(memberId, loaded, existing?.status === 'signed_up'))
      ) {
        throw DomainError.notFound('event');
      }
      const { event } = loaded;
      this.assertPlanned(event);
      if (existing?.status === 'signed_up') {
        return { eventId: id, status: 'signed_up', signedUpAt: existing.signedUpAt };
      }
      const member = await em.findOneBy(Member, { id: memberId });
      if (!member?.active) {
        throw new DomainError(ErrorCode.CONFLICT, 'this member no longer volunteers here', {
          reason: 'MEMBER_INACTIVE',
          memberId,
        });
      }
      this.assertSignupOpen(event);
      if (event.capacity !== null) {
        const signedUp = await em.countBy(EventSignup, { eventId: id, status: 'signed_up' });
        if (signedUp >= event.capacity) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `all ${event.capacity} places of the event are taken`,
            { reason: 'EVENT_FULL', capacity: event.capacity, signedUp },
          );
        }
      }
      const signedUpAt = this.clock.now().toISOString();
      if (existing) {
        await em.update(
          EventSignup,
          { eventId: id, memberId },
          { status: 'signed_up', signedUpAt, withdrawnAt: null },
        );
      } else {
        await em.insert(EventSignup, {
          eventId: id,
          memberId,
          status: 'signed_up',
          signedUpAt,
          withdrawnAt: null,
        });
      }
      return { eventId: id, status: 'signed_up', signedUpAt };
    });
  }

  /**
   * `POST /api/me/events/:id/withdraw`: gives the place back, before the deadline. A repeat is a
   * no-op; someone who never signed up has nothing to withdraw (404).
   */
  async withdraw(principal: VolunteerPrincipal, id: number): Promise<MySignupView> {
    const memberId = principal.memberId;
    return this.db.write(async (em) => {
      await this.db.lockName(`event:${id}`);
      const loaded = await this.load(em, id);
      const existing = loaded ? await em.findOneBy(EventSignup, { eventId: id, memberId }) : null;
      if (!loaded || !existing || !(await this.access.mayTakePart(memberId, loaded, true))) {
        throw DomainError.notFound('sign-up');
      }
      this.assertPlanned(loaded.event);
      if (existing.status === 'withdrawn') {
        return { eventId: id, status: 'withdrawn', withdrawnAt: existing.withdrawnAt };
      }
      this.assertSignupOpen(loaded.event);
      const withdrawnAt = this.clock.now().toISOString();
      await em.update(EventSignup, { eventId: id, memberId }, { status: 'withdrawn', withdrawnAt });
      return { eventId: id, status: 'withdrawn', withdrawnAt };
    });
  }

  /** Signing up and withdrawing close at the event's deadline: 409 CONFLICT SIGNUP_CLOSED. */
  private assertSignupOpen(event: Event): void {
    if (
      event.signupDeadline !== null &&
      this.clock.now().getTime() >= Date.parse(event.signupDeadline)
    ) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `sign-up for this event closed at ${event.signupDeadline}`,
        { reason: 'SIGNUP_CLOSED', deadline: event.signupDeadline },
      );
    }
  }
}

/** 2026-12-13 -> 20261213: an event date as the integer field of the list's cursor. */
const keyOfDate = (date: string): number => Number(date.replace(/-/g, ''));

/** 20261213 -> 2026-12-13; any other number is not a cursor this list made (400). */
function dateOfKey(key: number): string {
  const text = String(key);
  if (!/^\d{8}$/.test(text)) {
    throw DomainError.validation('cursor is not valid', { field: 'cursor' });
  }
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
}

export type EventView = Awaited<ReturnType<EventsService['view']>>;
