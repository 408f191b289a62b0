import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AccessPolicy, communityOf, isAdmin, leaderIdOf } from '../access/access.policy';
import { actorOf, Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Team } from '../people/entities/team.entity';
import { findItem, StandardVersion } from '../standard/scoring-standard';
import { StandardService } from '../standard/standard.service';
import { CreateEventDto } from './dto/create-event.dto';
import { Event, EventItem, EventSignup, EventTeam } from './entities';
import { eventBounds } from './event-hours';

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
    const { event, teamIds, itemCodes } = loaded;
    const teams = await em.findBy(Team, { id: In(teamIds) });
    const names = new Map(teams.map((t) => [t.id, t.name]));
    const version = await this.standard.versionOn(event.communityId, event.eventDate);
    const signedUp = event.signupAudience
      ? await em.countBy(EventSignup, { eventId: event.id, status: 'signed_up' })
      : 0;
    return {
      id: event.id,
      title: event.title,
      place: event.place,
      date: event.eventDate,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status,
      description: event.description,
      teams: teamIds.map((id) => ({ id, name: names.get(id) ?? null })),
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
            signedUp,
          }
        : null,
      createdBy: event.createdBy,
      createdAt: event.createdAt,
      closedBy: event.closedBy,
      closedAt: event.closedAt,
      cancelReason: event.cancelReason,
    };
  }
}

export type EventView = Awaited<ReturnType<EventsService['view']>>;
