import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { actorOf, Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Member } from '../people/entities/member.entity';
import { TeamMember } from '../people/entities/team.entity';
import { ServiceRecord } from '../service-records/entities/service-record.entity';
import { LogLine } from '../service-records/scoring';
import { Decision, ServiceRecordsService } from '../service-records/service-records.service';
import { attendanceLine } from './attendance-lines';
import { Event, EventAttendance } from './entities';
import { EventsService, LoadedEvent } from './events.service';

/**
 * Closing an event (活动结束): every participant's attendance becomes a service record, all or
 * none, in the one transaction that marks the event closed; and the admin's decision on the
 * records an event was closed into, many at once.
 */
@Injectable()
export class EventCloseService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly records: ServiceRecordsService,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  /**
   * `POST /api/events/:id/close`: the records (pending when approval is on for a leader), then the
   * event closed. Someone still checked in: 409 ATTENDANCE_OPEN; nobody: 409 EVENT_EMPTY; a row
   * that cannot be logged (no item chosen, an hourly item without hours): 400 naming the member.
   */
  async close(principal: Principal, id: number, opts: { confirmDuplicate?: boolean }) {
    return this.db.write(async (em) => {
      // Locked: two leaders closing at once, the second waits and finds the event closed.
      const loaded = await this.events.toRun(em, principal, id, { lock: true });
      const { event } = loaded;
      this.events.assertPlanned(event);
      const rows = await em.find(EventAttendance, {
        where: { eventId: id },
        order: { memberId: 'ASC' },
      });
      const open = rows.filter((r) => r.checkInAt !== null && r.checkOutAt === null);
      if (open.length > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${open.length} ${open.length === 1 ? 'participant is' : 'participants are'} checked in and not out; check them out or correct the time (补录) first`,
          { reason: 'ATTENDANCE_OPEN', memberIds: open.map((r) => r.memberId) },
        );
      }
      if (rows.length === 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `nobody attended event ${id}; there is nothing to close it into: cancel it instead`,
          { reason: 'EVENT_EMPTY' },
        );
      }
      const lines = await this.linesOf(em, loaded, rows);
      const { records } = await this.records.log({
        principal,
        serviceDate: event.eventDate,
        teamId: null,
        lines,
        fieldOf: (i, field) => `attendance[memberId=${lines[i].memberId}].${field}`,
        event: { id: event.id, title: event.title },
        confirmDuplicate: opts.confirmDuplicate === true,
      });
      event.status = 'closed';
      event.closedBy = actorOf(principal);
      event.closedAt = this.clock.now().toISOString();
      await em.update(
        Event,
        { id },
        { status: event.status, closedBy: event.closedBy, closedAt: event.closedAt },
      );
      return { event: await this.events.view(em, loaded), records };
    });
  }

  /** `POST /api/events/:id/approve`: the event's pending records (or the given ones) credited at once. */
  async approve(principal: Principal, id: number, recordIds?: number[]) {
    const { decided, unchanged, records } = await this.decide(principal, id, recordIds, {
      approve: true,
    });
    return { approved: decided, unchanged, records };
  }

  /** `POST /api/events/:id/reject`: the event's pending records (or the given ones) rejected at once. */
  async reject(principal: Principal, id: number, reason: string, recordIds?: number[]) {
    const { decided, unchanged, records } = await this.decide(principal, id, recordIds, {
      approve: false,
      reason,
    });
    return { rejected: decided, unchanged, records };
  }

  private async decide(
    principal: Principal,
    id: number,
    recordIds: number[] | undefined,
    decision: Decision,
  ) {
    return this.db.write(async (em) => {
      await this.events.toRun(em, principal, id);
      let ids: number[];
      if (recordIds === undefined) {
        const pending = await em.find(ServiceRecord, {
          select: { id: true },
          where: { eventId: id, status: 'pending' },
          order: { id: 'ASC' },
        });
        ids = pending.map((r) => r.id);
      } else {
        ids = [...new Set(recordIds)];
        const ofEvent = await em.find(ServiceRecord, {
          select: { id: true },
          where: { eventId: id, id: In(ids) },
        });
        const known = new Set(ofEvent.map((r) => r.id));
        const missing = ids.filter((r) => !known.has(r));
        if (missing.length > 0) {
          throw new DomainError(
            ErrorCode.NOT_FOUND,
            `event ${id} has no service record with id ${missing.join(', ')}`,
            { ids: missing },
          );
        }
      }
      if (ids.length === 0) {
        return { decided: 0, unchanged: [], records: [] };
      }
      return this.records.decideMany(principal, ids, decision);
    });
  }

  /**
   * Each attendance row as the line it is logged as (attendanceLine: the same rule as the
   * attendance view's hours preview), under the first of the event's teams the member is in, else
   * the event's first team. Rows that cannot be logged are refused together, naming each member.
   */
  private async linesOf(
    em: EntityManager,
    loaded: LoadedEvent,
    rows: EventAttendance[],
  ): Promise<LogLine[]> {
    const { event, teamIds, itemCodes } = loaded;
    const version = await this.events.versionOf(event);
    const { eventHours } = await this.records.configOf(event.communityId);
    const memberIds = rows.map((r) => r.memberId);
    const memberships = await em.findBy(TeamMember, {
      memberId: In(memberIds),
      teamId: In(teamIds),
    });
    const members = await em.find(Member, {
      select: { id: true, name: true },
      where: { id: In(memberIds) },
    });
    const nameOf = new Map(members.map((m) => [m.id, m.name]));
    const problems: { field: string; memberId: number; reason: string; problems: string[] }[] = [];
    const lines: LogLine[] = [];
    for (const row of rows) {
      const onlyItem = itemCodes.length === 1 ? itemCodes[0] : null;
      const result = attendanceLine(
        event,
        { ...row, itemCode: row.itemCode ?? onlyItem },
        version,
        eventHours,
        this.appConfig.timeZone,
      );
      if (!result.ok) {
        const { reason, message } = result.problem;
        problems.push({
          field: `attendance[memberId=${row.memberId}]`,
          memberId: row.memberId,
          reason,
          problems: [`${nameOf.get(row.memberId) ?? `member ${row.memberId}`}: ${message}`],
        });
        continue;
      }
      const teamId =
        teamIds.find((t) =>
          memberships.some((m) => m.teamId === t && m.memberId === row.memberId),
        ) ?? teamIds[0];
      lines.push({ ...result.line, teamId });
    }
    if (problems.length > 0) {
      throw DomainError.validation(
        `the event cannot be closed yet: ${problems.map((p) => p.problems[0]).join('; ')}`,
        { fields: problems },
      );
    }
    return lines;
  }
}
