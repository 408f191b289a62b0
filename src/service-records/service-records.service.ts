import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CommunityRules } from '../communities/community-rules';
import { EntityManager, In } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import {
  AccessPolicy,
  assertMayLogService,
  communityOf,
  inCommunity,
  logsWithoutApproval,
  mayCorrectClosedYear,
  mayAwardAdminOnlyItem,
  memberScopeOf,
} from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeIdCursor, encodeIdCursor, LIMIT_DEFAULT } from '../common/pagination';
import { formatCents, toSafeInteger } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LedgerTransaction } from '../ledger/entities/ledger-transaction.entity';
import { notReversed } from '../ledger/ledger-sql';
import { ClosedYearCorrection, LedgerService } from '../ledger/ledger.service';
import { Member } from '../people/entities/member.entity';
import { findItem, ResolvedItem, StandardVersion } from '../standard/scoring-standard';
import { StarRatingsService } from '../ratings/star-ratings.service';
import { addDays, StandardService } from '../standard/standard.service';
import { capExceeded, dailyCapViolations, DayUsage, emptyUsage } from './daily-caps';
import { Activity } from './entities/activity.entity';
import { ServiceRecord } from './entities/service-record.entity';
import { LogLine, resolveItem, ScoredLine, scoreLines } from './scoring';
import { assertServiceDateInRange } from './service-dates';
import {
  earnDescription,
  serviceRecordView,
  ServiceRecordStatus,
  ServiceRecordView,
} from './service-record.view';
import { ServiceRecordsConfig } from './service-records.config';

export interface LogRequest {
  principal: Principal;
  /** The request's item; an event's lines name their own. */
  itemCode?: string;
  serviceDate: string;
  teamId: number | null;
  lines: LogLine[];
  /** Field path of line i in error details ("quantity", "participants[3].quantity"). */
  fieldOf: (i: number, field: string) => string;
  activityTitle?: string;
  /**
   * The event being closed: EventsService has decided who may close it and for whom, so the
   * leader's team scope is not asked again; each line names the team the member served under.
   */
  event?: { id: number; title: string };
  /**
   * The wish (微心愿) confirmed fulfilled: WishesService has decided who may confirm it and who
   * is credited (the claimer, or members of the claiming team, which `teamId` names).
   */
  wish?: { id: number; title: string };
  /** The logger confirmed a second real service where a likely duplicate is found. */
  confirmDuplicate?: boolean;
  /** A correction of a closed year (an admin's only): names an open objection or a restatement. */
  correction?: ClosedYearCorrection;
}

/** What an admin decides of pending records: credit them, or keep them uncredited with a reason. */
export type Decision =
  { approve: true; correction?: ClosedYearCorrection } | { approve: false; reason: string };

export interface ListFilter {
  memberId?: number;
  teamId?: number;
  activityId?: number;
  eventId?: number;
  status?: ServiceRecordStatus;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** The advisory-lock space of members being logged for (1 is Database.lockName's). */
const MEMBER_LOCK_SPACE = 2;

/** What logging service needs of each member logged for. */
type LoggedMember = Pick<Member, 'id' | 'accountId' | 'passbookNo' | 'name' | 'active'>;

/** The columns of service_records a new record writes (all but its id), with their fields. */
const RECORD_COLUMNS: [string, keyof ServiceRecord][] = [
  ['community_id', 'communityId'],
  ['member_id', 'memberId'],
  ['team_id', 'teamId'],
  ['activity_id', 'activityId'],
  ['item_code', 'itemCode'],
  ['category_code', 'categoryCode'],
  ['standard_version', 'standardVersion'],
  ['unit', 'unit'],
  ['quantity', 'quantity'],
  ['hours', 'hours'],
  ['points', 'points'],
  ['service_date', 'serviceDate'],
  ['status', 'status'],
  ['transaction_id', 'transactionId'],
  ['note', 'note'],
  ['reject_reason', 'rejectReason'],
  ['created_by', 'createdBy'],
  ['created_at', 'createdAt'],
  ['decided_by', 'decidedBy'],
  ['decided_at', 'decidedAt'],
  ['event_id', 'eventId'],
  ['started_at', 'startedAt'],
  ['ended_at', 'endedAt'],
  ['hours_source', 'hoursSource'],
  ['confirmed_distinct_from', 'confirmedDistinctFrom'],
];

/** `?, ?, …`: one placeholder per value. */
const placeholders = (values: unknown[]): string => values.map(() => '?').join(', ');

/**
 * Turns volunteer service into points by the standard in force on the service date. Every rule is
 * checked inside the write transaction, and a refusal leaves nothing behind; an activity of any size
 * is one transaction, all participants or none.
 */
@Injectable()
export class ServiceRecordsService implements OnModuleInit {
  private readonly logger = new Logger(ServiceRecordsService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly standard: StandardService,
    private readonly ratings: StarRatingsService,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    private readonly access: AccessPolicy,
    private readonly rules: CommunityRules,
  ) {}

  /**
   * Every community's service-records.json (its own, else the shared one) is read and checked by
   * CommunityRules at start; a bad file stops the start with a message naming the field.
   */
  async onModuleInit(): Promise<void> {
    const sets = await this.rules.loadAll();
    for (const set of sets) {
      const c = set.serviceRecords;
      const of = sets.length > 1 ? ` (community ${set.code})` : '';
      this.logger.log(
        `service records${of}: approval ${c.approvalRequired ? 'required for leaders' : 'off'}, back-dating ${c.backDatingDays} days, at most ${formatCents(c.maxHoursPerDay)} hours a member a day`,
      );
    }
  }

  /** The service-record settings of a community (its service-records.json). */
  async configOf(communityId: number): Promise<ServiceRecordsConfig> {
    return (await this.rules.of(communityId)).serviceRecords;
  }

  /**
   * The rules in force in the caller's community (its service-records.json) and the dates that may
   * be logged today.
   */
  async settingsView(principal: Principal) {
    const config = await this.configOf(communityOf(principal));
    const latest = this.today();
    return {
      approvalRequired: config.approvalRequired,
      backDatingDays: config.backDatingDays,
      maxHoursPerDay: formatCents(config.maxHoursPerDay),
      serviceDates: { earliest: addDays(latest, -config.backDatingDays), latest },
    };
  }

  /** `POST /api/service-records`: one member's service on one item on one day. */
  async logOne(
    principal: Principal,
    input: {
      memberId: number;
      itemCode: string;
      quantity: unknown;
      serviceDate: string;
      note?: string;
      teamId?: number;
      confirmDuplicate?: boolean;
    } & ClosedYearCorrection,
  ): Promise<ServiceRecordView> {
    const { records } = await this.log({
      principal,
      itemCode: input.itemCode,
      serviceDate: input.serviceDate,
      teamId: input.teamId ?? null,
      lines: [{ memberId: input.memberId, quantity: input.quantity, note: input.note ?? null }],
      fieldOf: (_i, field) => field,
      confirmDuplicate: input.confirmDuplicate === true,
      correction: { objectionId: input.objectionId, restatement: input.restatement },
    });
    return records[0];
  }

  /**
   * Logs one or many members' service on one item and day, all or none: the path of
   * `POST /api/service-records` and of `ActivitiesService.logActivity`.
   */
  async log(req: LogRequest): Promise<{
    activity: Activity | null;
    itemName: string;
    rows: ServiceRecord[];
    records: ServiceRecordView[];
  }> {
    const actor = actorOf(req.principal);
    if (!req.wish) {
      assertMayLogService(req.principal);
    }
    const communityId = communityOf(req.principal);
    const config = await this.configOf(communityId);
    assertServiceDateInRange(req.serviceDate, this.today(), config.backDatingDays);

    return this.db.write(async (em) => {
      const version = await this.versionOn(communityId, req.serviceDate);
      const itemOf = (line: LogLine): ResolvedItem => {
        const resolved = resolveItem(version, line.itemCode ?? req.itemCode ?? '');
        if (resolved.item.adminOnly && !mayAwardAdminOnlyItem(req.principal)) {
          throw new DomainError(
            ErrorCode.FORBIDDEN,
            `${resolved.item.name} (${resolved.item.code}) is awarded by an administrator only`,
            { reason: 'ADMIN_ONLY_ITEM', itemCode: resolved.item.code },
          );
        }
        return resolved;
      };
      const lines = scoreLines(req, itemOf);
      const memberIds = lines.map((l) => l.memberId);

      // Who may log for whom first: nothing about a member the caller may not see is read before.
      // An event's closing was decided by EventsService, which names each line's team.
      const teamId = req.event
        ? null
        : req.wish
          ? req.teamId
          : await this.access.teamToLogUnder(req.principal, req.teamId, memberIds);
      const members = await this.loadMembers(em, communityId, memberIds);
      // Inside the write: a publication of the year cannot slip in between check and post.
      const allowed = await this.ratings.assertOpenFor(
        communityOf(req.principal),
        req.serviceDate,
        this.correctionOf(req.principal, req.correction),
      );

      await this.lockMembers(memberIds);
      const usage = await this.dayUsage(em, memberIds, req.serviceDate);
      const violations = lines.flatMap((l) =>
        dailyCapViolations({
          memberId: l.memberId,
          item: l.item.item,
          quantity: l.quantity,
          hours: l.hours,
          usage: usage.get(l.memberId) ?? emptyUsage(),
          maxHoursPerDay: config.maxHoursPerDay,
        }),
      );
      if (violations.length > 0) {
        throw capExceeded(
          violations,
          members,
          (code) => findItem(version, code)?.item.name ?? code,
          req.serviceDate,
        );
      }
      const distinctFrom = await this.checkSameDay(em, req, lines, members);

      const now = this.clock.now().toISOString();
      let activity: Activity | null = null;
      if (req.activityTitle !== undefined) {
        activity = em.create(Activity, {
          communityId,
          teamId: teamId!,
          itemCode: lines[0].item.item.code,
          title: req.activityTitle,
          serviceDate: req.serviceDate,
          standardVersion: version.version,
          participants: lines.length,
          createdBy: actor,
          createdAt: now,
        });
        activity.id = toSafeInteger((await em.insert(Activity, activity)).identifiers[0].id);
      }
      const status: ServiceRecordStatus =
        config.approvalRequired && !logsWithoutApproval(req.principal) ? 'pending' : 'posted';
      const rows: ServiceRecord[] = [];
      for (const line of lines) {
        const { item, category } = line.item;
        const row = em.create(ServiceRecord, {
          communityId,
          memberId: line.memberId,
          teamId: req.event ? (line.teamId ?? null) : teamId,
          activityId: activity?.id ?? null,
          itemCode: item.code,
          categoryCode: category.code,
          standardVersion: version.version,
          unit: item.unit,
          quantity: line.quantity,
          hours: line.hours,
          points: line.points,
          serviceDate: req.serviceDate,
          status,
          transactionId: null,
          note: line.note,
          rejectReason: null,
          createdBy: actor,
          createdAt: now,
          decidedBy: null,
          decidedAt: null,
          eventId: req.event?.id ?? null,
          startedAt: line.served?.startedAt ?? null,
          endedAt: line.served?.endedAt ?? null,
          hoursSource: line.served?.source ?? 'item',
          confirmedDistinctFrom: distinctFrom.get(line.memberId) ?? null,
        });
        row.id = await this.insertRecord(em, row);
        if (status === 'posted') {
          row.transactionId = await this.postEarn(row, members.get(line.memberId)!, actor);
          await allowed?.finish({ transactionId: row.transactionId, memberId: row.memberId });
        }
        rows.push(row);
      }
      const records = rows.map((r) =>
        serviceRecordView(r, {
          memberName: members.get(r.memberId)!.name,
          itemName: findItem(version, r.itemCode)?.item.name ?? null,
          reversalTransactionId: null,
        }),
      );
      return { activity, itemName: lines[0].item.item.name, rows, records };
    });
  }

  /**
   * What the member already has on the service day decides two refusals. A timed line may not
   * overlap another timed record of the member (409 CONFLICT OVERLAPPING_SERVICE, naming both
   * events): nobody serves in two places at once. A line of an item the member already has a record
   * of that day is a likely duplicate (the same form sent twice under two keys: 409 CONFLICT
   * LIKELY_DUPLICATE) unless the logger confirms a second real service, which the new record keeps
   * (the id it is distinct from); two timed records that do not overlap are distinct by their times.
   */
  private async checkSameDay(
    em: EntityManager,
    req: LogRequest,
    lines: ScoredLine[],
    members: Map<number, LoggedMember>,
  ): Promise<Map<number, number>> {
    const memberIds = lines.map((l) => l.memberId);
    const rows: {
      id: unknown;
      member_id: unknown;
      item_code: string;
      event_id: unknown;
      event_title: string | null;
      started_at: string | null;
      ended_at: string | null;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT sr.id, sr.member_id, sr.item_code, sr.event_id, e.title AS event_title,
                sr.started_at, sr.ended_at
         FROM service_records sr LEFT JOIN events e ON e.id = sr.event_id
         WHERE sr.service_date = ? AND sr.member_id IN (${placeholders(memberIds)})
           AND sr.status <> 'rejected' AND ${notReversed('sr.transaction_id')}
         ORDER BY sr.id ASC`,
      ),
      [req.serviceDate, ...memberIds],
    );
    const overlaps: Record<string, unknown>[] = [];
    const duplicates: Record<string, unknown>[] = [];
    const distinctFrom = new Map<number, number>();
    const timeOf = (iso: string) => iso.slice(11, 16);
    for (const line of lines) {
      for (const r of rows.filter((x) => toSafeInteger(x.member_id) === line.memberId)) {
        const timed = line.served !== null && r.started_at !== null && r.ended_at !== null;
        const overlap =
          timed && line.served!.startedAt < r.ended_at! && r.started_at! < line.served!.endedAt;
        const name = members.get(line.memberId)!.name;
        if (overlap) {
          overlaps.push({
            memberId: line.memberId,
            recordId: toSafeInteger(r.id),
            eventId: r.event_id === null ? null : toSafeInteger(r.event_id),
            eventTitle: r.event_title,
            startedAt: r.started_at,
            endedAt: r.ended_at,
            message: `${name} was already serving at ${r.event_title ?? `record ${String(r.id)}`} (${timeOf(r.started_at!)}–${timeOf(r.ended_at!)} UTC), which overlaps ${req.event?.title ?? 'this service'}`,
          });
        } else if (r.item_code === line.item.item.code && !timed) {
          if (req.confirmDuplicate) {
            distinctFrom.set(line.memberId, distinctFrom.get(line.memberId) ?? toSafeInteger(r.id));
          } else {
            duplicates.push({
              memberId: line.memberId,
              recordId: toSafeInteger(r.id),
              eventId: r.event_id === null ? null : toSafeInteger(r.event_id),
              itemCode: r.item_code,
              message: `${name} already has a record of ${line.item.item.name} on ${req.serviceDate} (record ${String(r.id)})`,
            });
          }
        }
      }
    }
    if (overlaps.length > 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `overlapping service: ${overlaps.map((o) => o.message).join('; ')}`,
        { reason: 'OVERLAPPING_SERVICE', overlaps },
      );
    }
    if (duplicates.length > 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `likely logged twice: ${duplicates.map((d) => d.message).join('; ')}; send confirmDuplicate: true if this is a second real service`,
        { reason: 'LIKELY_DUPLICATE', duplicates },
      );
    }
    return distinctFrom;
  }

  /** `POST /api/service-records/:id/approve`: credits a pending record; approving twice is a no-op. */
  async approve(
    principal: Principal,
    id: number,
    correction?: ClosedYearCorrection,
  ): Promise<ServiceRecordView> {
    return this.db.write(async (em) => {
      const record = await this.lockRecord(em, principal, id);
      if (record.status === 'rejected') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `service record ${id} was rejected (${record.rejectReason}); log the service again instead`,
          { reason: 'RECORD_REJECTED', status: record.status },
        );
      }
      await this.decide(em, principal, record, { approve: true, correction });
      return this.view(em, record);
    });
  }

  /** `POST /api/service-records/:id/reject`: keeps a pending record, uncredited, with the reason. */
  async reject(principal: Principal, id: number, reason: string): Promise<ServiceRecordView> {
    return this.db.write(async (em) => {
      const record = await this.lockRecord(em, principal, id);
      if (record.status === 'posted') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `service record ${id} is already credited; correct it with a reversal instead`,
          {
            reason: 'RECORD_ALREADY_POSTED',
            status: record.status,
            transactionId: record.transactionId,
          },
        );
      }
      await this.decide(em, principal, record, { approve: false, reason });
      return this.view(em, record);
    });
  }

  /**
   * `POST /api/service-records/approve|reject` and an event's approve/reject: many records decided
   * in one transaction. Every id must be a record of the caller's community (else 404 for the
   * whole request, nothing changed); the pending ones are decided, the others (already credited or
   * rejected) are reported unchanged.
   */
  async decideMany(
    principal: Principal,
    ids: number[],
    decision: Decision,
  ): Promise<{ decided: number; unchanged: number[]; records: ServiceRecordView[] }> {
    const unique = [...new Set(ids)];
    return this.db.write(async (em) => {
      const records = await this.lockRecords(em, principal, unique);
      const unchanged: number[] = [];
      for (const record of records) {
        if (!(await this.decide(em, principal, record, decision))) {
          unchanged.push(record.id);
        }
      }
      return {
        decided: records.length - unchanged.length,
        unchanged,
        records: await this.views(em, records),
      };
    });
  }

  /** `POST /api/service-records/approve`: many pending records credited at once. */
  async approveMany(principal: Principal, ids: number[]) {
    const { decided, unchanged, records } = await this.decideMany(principal, ids, {
      approve: true,
    });
    return { approved: decided, unchanged, records };
  }

  /** `POST /api/service-records/reject`: many pending records kept uncredited, with one reason. */
  async rejectMany(principal: Principal, ids: number[], reason: string) {
    const { decided, unchanged, records } = await this.decideMany(principal, ids, {
      approve: false,
      reason,
    });
    return { rejected: decided, unchanged, records };
  }

  /**
   * The one home of deciding a record: a pending one is credited (its earn posted) or rejected with
   * the reason; a record already decided is left as it is (false).
   */
  private async decide(
    em: EntityManager,
    principal: Principal,
    record: ServiceRecord,
    decision: Decision,
  ): Promise<boolean> {
    if (record.status !== 'pending') {
      return false;
    }
    const actor = actorOf(principal);
    record.decidedBy = actor;
    record.decidedAt = this.clock.now().toISOString();
    if (decision.approve) {
      const allowed = await this.ratings.assertOpenFor(
        record.communityId,
        record.serviceDate,
        this.correctionOf(principal, decision.correction),
      );
      const member = await em.findOneByOrFail(Member, { id: record.memberId });
      record.transactionId = await this.postEarn(record, member, actor);
      await allowed?.finish({ transactionId: record.transactionId, memberId: record.memberId });
      record.status = 'posted';
      await em.update(
        ServiceRecord,
        { id: record.id },
        { status: 'posted', decidedBy: record.decidedBy, decidedAt: record.decidedAt },
      );
    } else {
      record.status = 'rejected';
      record.rejectReason = decision.reason.trim();
      await em.update(
        ServiceRecord,
        { id: record.id },
        {
          status: 'rejected',
          rejectReason: record.rejectReason,
          decidedBy: record.decidedBy,
          decidedAt: record.decidedAt,
        },
      );
    }
    return true;
  }

  /** What a request names to correct a closed year, if its caller may correct one at all. */
  private correctionOf(principal: Principal, correction: ClosedYearCorrection | undefined) {
    return correction && mayCorrectClosedYear(principal)
      ? { actor: actorOf(principal), ...correction }
      : undefined;
  }

  /** Corrects a wrong posted record: a reversal of its earn with a reason; the record stays as it was. */
  async reverse(
    principal: Principal,
    id: number,
    reason: string,
    correction?: ClosedYearCorrection,
  ) {
    return this.db.write(async (em) => {
      const record = await this.lockRecord(em, principal, id);
      if (record.status !== 'posted' || record.transactionId === null) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `service record ${id} is ${record.status}, not credited; there is nothing to reverse`,
          { reason: 'RECORD_NOT_POSTED', status: record.status },
        );
      }
      const reversal = await this.ledger.reverse(record.transactionId, {
        communityId: record.communityId,
        actor: actorOf(principal),
        reason: reason.trim(),
        meta: { serviceRecordId: record.id, memberId: record.memberId },
        correction: this.correctionOf(principal, correction),
      });
      return {
        transactionId: reversal.id,
        reverses: reversal.reverses,
        record: await this.view(em, record),
      };
    });
  }

  /** One record, for an admin or a leader of one of the member's teams (others get 404). */
  async getOne(principal: Principal, id: number): Promise<ServiceRecordView> {
    return this.db.read(async (em) => {
      const record = await em.findOneBy(ServiceRecord, { id });
      if (
        !record ||
        !inCommunity(principal, record.communityId) ||
        !(await this.access.maySeeMember(principal, record.memberId))
      ) {
        throw DomainError.notFound('service record');
      }
      return this.view(em, record);
    });
  }

  /**
   * `GET /api/service-records`: newest first, filtered; a leader sees the records of members of the
   * teams they lead.
   */
  async list(principal: Principal, filter: ListFilter) {
    const limit = filter.limit ?? LIMIT_DEFAULT;
    const beforeId = decodeIdCursor(filter.cursor, 'r');
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(ServiceRecord, 'sr')
        .where('sr.community_id = :communityId', { communityId: communityOf(principal) });
      const scope = memberScopeOf(principal);
      if (scope.kind === 'led') {
        qb.andWhere(scope.condition('sr.member_id', ':leaderId'), { leaderId: scope.leaderId });
      } else if (scope.kind === 'none') {
        return { items: [], nextCursor: null };
      }
      if (filter.memberId !== undefined) {
        qb.andWhere('sr.member_id = :memberId', { memberId: filter.memberId });
      }
      if (filter.teamId !== undefined) {
        qb.andWhere('sr.team_id = :teamId', { teamId: filter.teamId });
      }
      if (filter.activityId !== undefined) {
        qb.andWhere('sr.activity_id = :activityId', { activityId: filter.activityId });
      }
      if (filter.eventId !== undefined) {
        qb.andWhere('sr.event_id = :eventId', { eventId: filter.eventId });
      }
      if (filter.status !== undefined) {
        qb.andWhere('sr.status = :status', { status: filter.status });
      }
      if (filter.from !== undefined) {
        qb.andWhere('sr.service_date >= :from', { from: filter.from });
      }
      if (filter.to !== undefined) {
        qb.andWhere('sr.service_date <= :to', { to: filter.to });
      }
      if (beforeId !== undefined) {
        qb.andWhere('sr.id < :beforeId', { beforeId });
      }
      const rows = await qb
        .orderBy('sr.id', 'DESC')
        .limit(limit + 1)
        .getMany();
      const page = rows.slice(0, limit);
      return {
        items: await this.views(em, page),
        nextCursor: rows.length > limit ? encodeIdCursor(page[page.length - 1].id, 'r') : null,
      };
    });
  }

  // --- rules -------------------------------------------------------------------------------

  private today(): string {
    return this.clock.today(this.appConfig.timeZone);
  }

  private async versionOn(communityId: number, serviceDate: string): Promise<StandardVersion> {
    const version = await this.standard.versionOn(communityId, serviceDate);
    if (!version) {
      throw new DomainError(
        ErrorCode.SERVICE_DATE_OUT_OF_RANGE,
        `no scoring standard was in force on ${serviceDate}`,
        { reason: 'NO_STANDARD', serviceDate },
      );
    }
    return version;
  }

  /** The members logged for, all of the community: another community's member is unknown (404). */
  private async loadMembers(
    em: EntityManager,
    communityId: number,
    memberIds: number[],
  ): Promise<Map<number, LoggedMember>> {
    const rows: {
      id: unknown;
      account_id: unknown;
      passbook_no: string;
      name: string;
      active: unknown;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT id, account_id, passbook_no, name, active FROM members
         WHERE community_id = ? AND id IN (${placeholders(memberIds)})`,
      ),
      [communityId, ...memberIds],
    );
    const found: LoggedMember[] = rows.map((r) => ({
      id: toSafeInteger(r.id),
      accountId: toSafeInteger(r.account_id),
      passbookNo: r.passbook_no,
      name: r.name,
      active: r.active === true || r.active === 1,
    }));
    const members = new Map(found.map((m) => [m.id, m]));
    const missing = memberIds.filter((id) => !members.has(id));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.NOT_FOUND, `no member with id ${missing.join(', ')}`, {
        memberIds: missing,
      });
    }
    const inactive = found.filter((m) => !m.active);
    if (inactive.length > 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${inactive.map((m) => `${m.name} (${m.passbookNo})`).join(', ')} no longer volunteer here`,
        { reason: 'MEMBER_INACTIVE', memberIds: inactive.map((m) => m.id) },
      );
    }
    return members;
  }

  /** On PostgreSQL, one logger at a time per member, so two requests cannot both fit under a cap. */
  private async lockMembers(memberIds: number[]): Promise<void> {
    await this.db.lockEach(MEMBER_LOCK_SPACE, memberIds);
  }

  /** What each member already has on the day: records posted or pending and not reversed. */
  private async dayUsage(
    em: EntityManager,
    memberIds: number[],
    serviceDate: string,
  ): Promise<Map<number, DayUsage>> {
    const rows: { member_id: unknown; item_code: string; quantity: unknown; hours: unknown }[] =
      await em.query(
        sql(
          this.db,
          `SELECT sr.member_id, sr.item_code, SUM(sr.quantity) AS quantity, SUM(sr.hours) AS hours
           FROM service_records sr
           WHERE sr.service_date = ? AND sr.member_id IN (${placeholders(memberIds)})
             AND sr.status <> 'rejected' AND ${notReversed('sr.transaction_id')}
           GROUP BY sr.member_id, sr.item_code`,
        ),
        [serviceDate, ...memberIds],
      );
    const usage = new Map<number, DayUsage>();
    for (const r of rows) {
      const memberId = toSafeInteger(r.member_id);
      const u = usage.get(memberId) ?? emptyUsage();
      u.quantityByItem.set(r.item_code, toSafeInteger(r.quantity));
      u.hours += toSafeInteger(r.hours);
      usage.set(memberId, u);
    }
    return usage;
  }

  private async postEarn(
    record: ServiceRecord,
    member: Pick<Member, 'accountId'>,
    actor: string,
  ): Promise<string> {
    const version = await this.standard.getVersion(record.communityId, record.standardVersion);
    const { item } = findItem(version, record.itemCode)!;
    const issuanceAccountId = await this.ledger.systemAccountId(record.communityId, 'issuance');
    const posted = await this.ledger.post({
      communityId: record.communityId,
      kind: 'earn',
      actor,
      effectiveDate: record.serviceDate,
      description: earnDescription(item, record.quantity),
      postings: [
        { accountId: issuanceAccountId, amount: -record.points },
        { accountId: member.accountId, amount: record.points },
      ],
      meta: {
        serviceRecordId: record.id,
        memberId: record.memberId,
        itemCode: record.itemCode,
        categoryCode: record.categoryCode,
        standardVersion: record.standardVersion,
        quantity: formatCents(record.quantity),
        hours: formatCents(record.hours),
        ...(record.activityId === null ? {} : { activityId: record.activityId }),
        ...(record.createdBy === actor ? {} : { loggedBy: record.createdBy }),
      },
      alsoWrite: (tx) => [
        {
          text: 'UPDATE service_records SET transaction_id = ? WHERE id = ?',
          params: [tx.id, record.id],
        },
      ],
    });
    return posted.id;
  }

  /**
   * Writes a new record and answers its id. Plain SQL: it runs for every line logged, where
   * TypeORM's insert cost more CPU than the database did.
   */
  private async insertRecord(em: EntityManager, row: ServiceRecord): Promise<number> {
    const values = RECORD_COLUMNS.map(([, field]) => row[field]);
    const inserted: { id: unknown }[] = await em.query(
      sql(
        this.db,
        `INSERT INTO service_records (${RECORD_COLUMNS.map(([column]) => column).join(', ')})
         VALUES (${placeholders(values)}) RETURNING id`,
      ),
      values,
    );
    return toSafeInteger(inserted[0].id);
  }

  /** A record of the principal's community, locked; another community's is unknown (404). */
  private async lockRecord(
    em: EntityManager,
    principal: Principal,
    id: number,
  ): Promise<ServiceRecord> {
    const communityId = communityOf(principal);
    // Two admins deciding one record at once: the second waits and sees the first's decision.
    await this.db.lockName(`service-record:${id}`);
    const record = await em.findOneBy(ServiceRecord, { id, communityId });
    if (!record) {
      throw DomainError.notFound('service record');
    }
    return record;
  }

  /**
   * Records of the principal's community, locked, in the order asked; if any is unknown or of
   * another community, 404 naming the ids not found, for the whole request.
   */
  private async lockRecords(
    em: EntityManager,
    principal: Principal,
    ids: number[],
  ): Promise<ServiceRecord[]> {
    const communityId = communityOf(principal);
    // The same lock names as one record's decision, so a bulk and a single decision take turns.
    await this.db.lockNames(ids.map((id) => `service-record:${id}`));
    const found = await em.findBy(ServiceRecord, { id: In(ids), communityId });
    const byId = new Map(found.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `no service record with id ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`,
        { ids: missing },
      );
    }
    return ids.map((id) => byId.get(id)!);
  }

  private async view(em: EntityManager, record: ServiceRecord): Promise<ServiceRecordView> {
    return (await this.views(em, [record]))[0];
  }

  /** Views of many records with three queries, whatever their number. */
  async views(em: EntityManager, rows: ServiceRecord[]): Promise<ServiceRecordView[]> {
    if (rows.length === 0) {
      return [];
    }
    const members = await em.findBy(Member, { id: In([...new Set(rows.map((r) => r.memberId))]) });
    const names = new Map(members.map((m) => [m.id, m.name]));
    const txIds = rows.map((r) => r.transactionId).filter((id): id is string => id !== null);
    const reversals = txIds.length
      ? await em.find(LedgerTransaction, {
          select: { id: true, reverses: true },
          where: { reverses: In(txIds) },
        })
      : [];
    const reversalOf = new Map(reversals.map((t) => [t.reverses!, t.id]));
    const views: ServiceRecordView[] = [];
    for (const r of rows) {
      const version = await this.standard.getVersion(r.communityId, r.standardVersion);
      views.push(
        serviceRecordView(r, {
          memberName: names.get(r.memberId) ?? null,
          itemName: findItem(version, r.itemCode)?.item.name ?? null,
          reversalTransactionId: r.transactionId ? (reversalOf.get(r.transactionId) ?? null) : null,
        }),
      );
    }
    return views;
  }
}
