import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../access/access.policy';
import { actorOf, Principal } from '../auth/principal';
import { Clock, localDate } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { Cents, formatCents, parseCents } from '../common/points';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Member } from '../people/entities/member.entity';
import { passbookNumberOfScan } from '../people/passbook-number';
import { ServiceRecordsService } from '../service-records/service-records.service';
import { findItem, StandardVersion } from '../standard/scoring-standard';
import { attendanceLine, hoursRoundingOf } from './attendance-lines';
import { CHECKIN_WINDOW_SECONDS, currentCheckinCode, isValidCheckinCode } from './checkin-code';
import { CheckinAttempts } from './checkin-attempts';
import { CheckInDto, CorrectAttendanceDto, PutAttendanceDto } from './dto/attendance.dto';
import { AttendanceMethod, Event, EventAttendance, EventSignup } from './entities';
import { HoursRounding } from './event-hours';
import { EventsService, LoadedEvent } from './events.service';

type Direction = 'in' | 'out';

/**
 * Who came to an event and when (签到/签退): the leader scans a passbook or taps a name, or the
 * volunteer scans the rotating code on the leader's screen. Times come from the clock, except the
 * leader's 补录 (a correction with its reason). Each participant is one row (event, member), made
 * by an insert that ignores a second one, so a burst of scans leaves one row per member.
 */
@Injectable()
export class AttendanceService {
  private readonly attempts = new CheckinAttempts();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly records: ServiceRecordsService,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  /** `GET /api/events/:id/attendance`: every participant, first come first. */
  async list(principal: Principal, eventId: number) {
    return this.db.read(async (em) => {
      const loaded = await this.events.toRun(em, principal, eventId);
      const rows = await em.find(EventAttendance, { where: { eventId } });
      const members = await em.findBy(Member, { id: In(rows.map((r) => r.memberId)) });
      const byId = new Map(members.map((m) => [m.id, m]));
      const preview = await this.previewOf(loaded.event);
      rows.sort(
        (a, b) => (a.checkInAt ?? '~').localeCompare(b.checkInAt ?? '~') || a.memberId - b.memberId,
      );
      return { items: rows.map((r) => this.view(r, byId.get(r.memberId)!, loaded.event, preview)) };
    });
  }

  /** `POST /api/events/:id/check-in|check-out` by the leader: a scanned passbook or a tapped name. */
  async leaderCheck(principal: Principal, eventId: number, dto: CheckInDto, direction: Direction) {
    const given = [dto.passbookNo, dto.memberId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw DomainError.validation('give either passbookNo (a scan) or memberId (a tapped name)', {
        fields: [{ field: 'passbookNo', problems: ['give either passbookNo or memberId'] }],
      });
    }
    const method: AttendanceMethod = dto.passbookNo !== undefined ? 'scan' : 'name';
    return this.db.write(async (em) => {
      const loaded = await this.events.toRun(em, principal, eventId, { lock: true });
      const member = await this.memberOf(em, loaded.event, dto);
      return this.check(em, principal, loaded, member, direction, method, dto.itemCode);
    });
  }

  /** `POST /api/me/events/:id/check-in|check-out`: the volunteer with the code on the leader's screen. */
  async selfCheck(principal: Principal, eventId: number, code: string, direction: Direction) {
    if (principal.kind !== 'member') {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer checks themself in', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    return this.db.write(async (em) => {
      await this.db.lockName(`event:${eventId}`);
      const loaded = await this.events.load(em, eventId);
      if (!loaded || loaded.communityId !== principal.communityId) {
        throw DomainError.notFound('event');
      }
      const now = this.clock.now();
      this.attempts.take(eventId, principal.memberId, now);
      if (!isValidCheckinCode(loaded.event.checkinSecret, eventId, code, now)) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          "the check-in code is wrong or stale: scan the code on the leader's screen again",
          { reason: 'CHECKIN_CODE_INVALID' },
        );
      }
      const member = await em.findOneBy(Member, { id: principal.memberId });
      if (!member) {
        throw DomainError.notFound('member');
      }
      return this.check(em, principal, loaded, member, direction, 'self', undefined);
    });
  }

  /** `PUT /api/events/:id/attendance/:memberId`: a participant logged by hand, or their item, quantity, note. */
  async put(principal: Principal, eventId: number, memberId: number, dto: PutAttendanceDto) {
    return this.db.write(async (em) => {
      const loaded = await this.events.toRun(em, principal, eventId, { lock: true });
      this.events.assertPlanned(loaded.event);
      const member = await this.memberOf(em, loaded.event, { memberId });
      let row = await em.findOneBy(EventAttendance, { eventId, memberId });
      if (!row) {
        await this.assertMayTakePart(em, loaded, member);
        row = await this.insertRow(em, principal, loaded, memberId, dto.itemCode);
      }
      const version = await this.events.versionOf(loaded.event);
      const itemCode =
        dto.itemCode === undefined ? row.itemCode : this.eventItem(loaded, dto.itemCode);
      let quantity = row.quantity;
      if (dto.quantity === null) {
        quantity = null;
      } else if (dto.quantity !== undefined) {
        quantity = this.quantityOf(version, itemCode, dto.quantity);
      } else if (quantity !== null && itemCode !== row.itemCode) {
        // A quantity of times stays whole under a new item.
        quantity = this.quantityOf(version, itemCode, formatCents(quantity));
      }
      const note = dto.note === undefined ? row.note : dto.note?.trim() || null;
      Object.assign(row, { itemCode, quantity, note, updatedAt: this.now() });
      await em.update(
        EventAttendance,
        { eventId, memberId },
        { itemCode, quantity, note, updatedAt: row.updatedAt },
      );
      return this.view(row, member, loaded.event, await this.previewOf(loaded.event));
    });
  }

  /** `POST /api/events/:id/attendance/:memberId/correction` (补录): times set by hand, with the reason. */
  async correct(
    principal: Principal,
    eventId: number,
    memberId: number,
    dto: CorrectAttendanceDto,
  ) {
    if (dto.checkInAt === undefined && dto.checkOutAt === undefined) {
      throw DomainError.validation('give checkInAt, checkOutAt or both', {
        fields: [{ field: 'checkInAt', problems: ['give checkInAt, checkOutAt or both'] }],
      });
    }
    const reason = dto.reason.trim();
    if (reason === '') {
      throw DomainError.validation('reason must say why the times are set by hand', {
        fields: [{ field: 'reason', problems: ['reason must say why the times are set by hand'] }],
      });
    }
    return this.db.write(async (em) => {
      const loaded = await this.events.toRun(em, principal, eventId, { lock: true });
      this.events.assertPlanned(loaded.event);
      const member = await this.memberOf(em, loaded.event, { memberId });
      const checkInAt = this.correctedTime(loaded.event, 'checkInAt', dto.checkInAt);
      const checkOutAt = this.correctedTime(loaded.event, 'checkOutAt', dto.checkOutAt);
      let row = await em.findOneBy(EventAttendance, { eventId, memberId });
      const inAt = checkInAt ?? row?.checkInAt ?? null;
      const outAt = checkOutAt ?? row?.checkOutAt ?? null;
      if (inAt === null) {
        throw notCheckedIn(memberId);
      }
      if (outAt !== null && !(outAt > inAt)) {
        throw DomainError.validation('checkOutAt must be after checkInAt', {
          fields: [{ field: 'checkOutAt', problems: [`checkOutAt must be after ${inAt}`] }],
          checkInAt: inAt,
          checkOutAt: outAt,
        });
      }
      if (!row) {
        await this.assertMayTakePart(em, loaded, member);
        row = await this.insertRow(em, principal, loaded, memberId, undefined);
      }
      const now = this.now();
      const changes: Partial<EventAttendance> = {
        correctionReason: reason,
        correctedBy: actorOf(principal),
        correctedAt: now,
        updatedAt: now,
        ...(checkInAt === null ? {} : { checkInAt, checkInMethod: 'corrected' as const }),
        ...(checkOutAt === null ? {} : { checkOutAt, checkOutMethod: 'corrected' as const }),
      };
      await em.update(EventAttendance, { eventId, memberId }, changes);
      Object.assign(row, changes);
      return this.view(row, member, loaded.event, await this.previewOf(loaded.event));
    });
  }

  /** `DELETE /api/events/:id/attendance/:memberId`: someone checked in by mistake. */
  async remove(principal: Principal, eventId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      const loaded = await this.events.toRun(em, principal, eventId, { lock: true });
      this.events.assertPlanned(loaded.event);
      const result = await em.delete(EventAttendance, { eventId, memberId });
      if (!result.affected) {
        throw DomainError.notFound('attendance');
      }
    });
  }

  /** `GET /api/events/:id/check-in-code`: the code the leader's screen shows now, as text and path. */
  async checkinCode(principal: Principal, eventId: number) {
    return this.db.read(async (em) => {
      const { event } = await this.events.toRun(em, principal, eventId);
      this.events.assertPlanned(event);
      const { code, validUntil } = currentCheckinCode(
        event.checkinSecret,
        event.id,
        this.clock.now(),
      );
      return {
        code,
        path: `/me/check-in?event=${event.id}&code=${code}`,
        validUntil,
        rotatesEverySeconds: CHECKIN_WINDOW_SECONDS,
      };
    });
  }

  /**
   * Checks the member in or out now. Only on the event's day while it is planned; a repeat is a
   * no-op answering the same view (the first time stands).
   */
  private async check(
    em: EntityManager,
    principal: Principal,
    loaded: LoadedEvent,
    member: Member,
    direction: Direction,
    method: AttendanceMethod,
    itemCode: string | undefined,
  ) {
    const { event } = loaded;
    this.events.assertPlanned(event);
    const today = this.clock.today(this.appConfig.timeZone);
    if (today !== event.eventDate) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `check-in and check-out happen on the event's date, ${event.eventDate} (today is ${today}); set the times by hand (补录) instead`,
        { reason: 'NOT_EVENT_DAY', date: event.eventDate, today },
      );
    }
    const chosen = itemCode === undefined ? undefined : this.eventItem(loaded, itemCode);
    const now = this.now();
    let row = await em.findOneBy(EventAttendance, { eventId: event.id, memberId: member.id });
    if (direction === 'in') {
      if (!row) {
        await this.assertMayTakePart(em, loaded, member);
        row = await this.insertRow(em, principal, loaded, member.id, chosen, {
          checkInAt: now,
          checkInMethod: method,
        });
      } else if (row.checkInAt === null) {
        // Logged by hand before they came: the check-in completes the row.
        const changes: Partial<EventAttendance> = {
          checkInAt: now,
          checkInMethod: method,
          updatedAt: now,
          ...(chosen === undefined ? {} : { itemCode: chosen }),
        };
        await em.update(EventAttendance, { eventId: event.id, memberId: member.id }, changes);
        Object.assign(row, changes);
      } else if (chosen !== undefined && row.itemCode === null) {
        await em.update(
          EventAttendance,
          { eventId: event.id, memberId: member.id },
          {
            itemCode: chosen,
            updatedAt: now,
          },
        );
        Object.assign(row, { itemCode: chosen, updatedAt: now });
      }
    } else {
      if (!row || row.checkInAt === null) {
        throw notCheckedIn(member.id);
      }
      if (row.checkOutAt === null) {
        const changes: Partial<EventAttendance> = {
          checkOutAt: now,
          checkOutMethod: method,
          updatedAt: now,
          ...(chosen !== undefined && row.itemCode === null ? { itemCode: chosen } : {}),
        };
        await em.update(EventAttendance, { eventId: event.id, memberId: member.id }, changes);
        Object.assign(row, changes);
      }
    }
    return this.view(row, member, event, await this.previewOf(event));
  }

  /**
   * Inserts the participant's row unless a concurrent request did a moment earlier (the primary
   * key decides; the insert ignores the second), and answers the row as stored.
   */
  private async insertRow(
    em: EntityManager,
    principal: Principal,
    loaded: LoadedEvent,
    memberId: number,
    itemCode: string | undefined,
    times: { checkInAt: string; checkInMethod: AttendanceMethod } | null = null,
  ): Promise<EventAttendance> {
    const now = this.now();
    const defaultItem = loaded.itemCodes.length === 1 ? loaded.itemCodes[0] : null;
    await em
      .createQueryBuilder()
      .insert()
      .into(EventAttendance)
      .values({
        eventId: loaded.event.id,
        memberId,
        itemCode: itemCode ?? defaultItem,
        quantity: null,
        checkInAt: times?.checkInAt ?? null,
        checkInMethod: times?.checkInMethod ?? null,
        checkOutAt: null,
        checkOutMethod: null,
        correctionReason: null,
        correctedBy: null,
        correctedAt: null,
        note: null,
        createdBy: actorOf(principal),
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    return (await em.findOneBy(EventAttendance, { eventId: loaded.event.id, memberId }))!;
  }

  /** The member scanned or tapped: of the event's community, else 404 (an unknown number too). */
  private async memberOf(
    em: EntityManager,
    event: Event,
    who: { passbookNo?: string; memberId?: number },
  ): Promise<Member> {
    let member: Member | null = null;
    if (who.passbookNo !== undefined) {
      const passbookNo = passbookNumberOfScan(who.passbookNo);
      member = passbookNo === null ? null : await em.findOneBy(Member, { passbookNo });
    } else if (who.memberId !== undefined) {
      member = await em.findOneBy(Member, { id: who.memberId });
    }
    if (!member || member.communityId !== event.communityId) {
      throw DomainError.notFound('member');
    }
    return member;
  }

  /** A new participant: active, and allowed at this event (AccessPolicy.mayTakePart). */
  private async assertMayTakePart(em: EntityManager, loaded: LoadedEvent, member: Member) {
    if (!member.active) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${member.name} (${member.passbookNo}) no longer volunteers here`,
        { reason: 'MEMBER_INACTIVE', memberId: member.id },
      );
    }
    const signup = await em.findOneBy(EventSignup, {
      eventId: loaded.event.id,
      memberId: member.id,
      status: 'signed_up',
    });
    const event = {
      communityId: loaded.event.communityId,
      teamIds: loaded.teamIds,
      signupAudience: loaded.event.signupAudience,
    };
    if (!(await this.access.mayTakePart(member.id, event, signup !== null))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `${member.name} is in none of the event's teams and did not sign up for it`,
        { reason: 'NOT_TAKING_PART', memberId: member.id },
      );
    }
  }

  /** One of the event's items, or 422 UNKNOWN_ITEM NOT_AN_EVENT_ITEM. */
  private eventItem(loaded: LoadedEvent, itemCode: string): string {
    if (!loaded.itemCodes.includes(itemCode)) {
      throw new DomainError(
        ErrorCode.UNKNOWN_ITEM,
        `"${itemCode}" is not one of the event's items (${loaded.itemCodes.join(', ')})`,
        { reason: 'NOT_AN_EVENT_ITEM', itemCode, itemCodes: loaded.itemCodes },
      );
    }
    return itemCode;
  }

  /** A quantity as for service records: a positive decimal, whole times for a per-time item. */
  private quantityOf(version: StandardVersion, itemCode: string | null, input: unknown): Cents {
    const field = 'quantity';
    if (itemCode === null) {
      throw DomainError.validation('choose the itemCode before giving a quantity', {
        fields: [{ field: 'itemCode', problems: ['choose the itemCode before giving a quantity'] }],
      });
    }
    const quantity = parseCents(input, { field });
    const item = findItem(version, itemCode)?.item;
    if (item?.unit === 'time' && quantity % 100 !== 0) {
      throw DomainError.validation(
        `${field} of ${item.name} counts times and must be a whole number`,
        {
          fields: [
            {
              field,
              problems: [`${field} of ${item.name} counts times and must be a whole number`],
            },
          ],
        },
      );
    }
    return quantity;
  }

  /** A 补录 time as stored (UTC ISO); it must lie on the event's date and not in the future. */
  private correctedTime(event: Event, field: string, input: string | undefined): string | null {
    if (input === undefined) {
      return null;
    }
    const at = new Date(input);
    const fail = (problem: string) =>
      DomainError.validation(`${field} ${problem}`, {
        fields: [{ field, problems: [`${field} ${problem}`] }],
      });
    if (Number.isNaN(at.getTime())) {
      throw fail('must be a date and time with its offset');
    }
    if (localDate(at, this.appConfig.timeZone) !== event.eventDate) {
      throw fail(`must lie on the event's date, ${event.eventDate}`);
    }
    if (at.getTime() > this.clock.now().getTime()) {
      throw fail('must not be in the future');
    }
    return at.toISOString();
  }

  /** What the hours preview needs of an event: its standard version and the rounding in force. */
  private async previewOf(
    event: Event,
  ): Promise<{ version: StandardVersion; rounding: HoursRounding }> {
    const [version, config] = await Promise.all([
      this.events.versionOf(event),
      this.records.configOf(event.communityId),
    ]);
    return { version, rounding: hoursRoundingOf(config) };
  }

  private view(
    row: EventAttendance,
    member: Member,
    event: Event,
    preview: { version: StandardVersion; rounding: HoursRounding },
  ): AttendanceView {
    return attendanceView(row, member, event, preview, this.appConfig.timeZone);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** AttendanceView: the row, who it is, and the hours closing the event will count (null: none yet). */
export function attendanceView(
  row: EventAttendance,
  member: Member,
  event: Event,
  preview: { version: StandardVersion; rounding: HoursRounding },
  timeZone: string,
) {
  const line = attendanceLine(event, row, preview.version, preview.rounding, timeZone);
  return {
    memberId: row.memberId,
    name: member.name,
    passbookNo: member.passbookNo,
    itemCode: row.itemCode,
    quantity: row.quantity === null ? null : formatCents(row.quantity),
    checkInAt: row.checkInAt,
    checkInMethod: row.checkInMethod,
    checkOutAt: row.checkOutAt,
    checkOutMethod: row.checkOutMethod,
    correction:
      row.correctionReason === null
        ? null
        : { reason: row.correctionReason, by: row.correctedBy, at: row.correctedAt },
    note: row.note,
    hours: line.ok ? formatCents(line.hours) : null,
  };
}

export type AttendanceView = ReturnType<typeof attendanceView>;

function notCheckedIn(memberId: number): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    `member ${memberId} has not checked in to the event; check in first or set the times by hand (补录)`,
    { reason: 'NOT_CHECKED_IN', memberId },
  );
}
