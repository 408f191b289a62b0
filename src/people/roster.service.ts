import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EntityManager } from 'typeorm';
import { hashSecret, randomSecret } from '../auth/password';
import { Clock, localDate } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors';
import { formatCents, toSafeInteger } from '../common/points';
import { ONE_LINE } from '../common/validation';
import { Account } from '../ledger/entities/account.entity';
import { CreateMemberDto } from './dto/people.dto';
import { Member, MemberKind } from './entities/member.entity';
import { Team } from './entities/team.entity';
import { normalisePassbookNumber } from './passbook-number';
import { PeopleService } from './people.service';
import { normalisePhone } from './phone';
import { checkJoinedOn } from './members.service';
import {
  joinedOnText,
  readRoster,
  RosterExportRow,
  writeRoster,
  RosterFormat,
  RosterRow,
} from './roster-file';

/** Why a row is refused (or, for warnings, worth a second look). */
export type RowProblemReason =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID'
  | 'DUPLICATE_IN_FILE'
  | 'DUPLICATE_EXISTING'
  | 'PASSBOOK_NO_TAKEN'
  | 'SAME_NAME_EXISTS';

export interface RowProblem {
  field: 'name' | 'kind' | 'phone' | 'pin' | 'passbookNo' | 'teams' | 'joinedOn' | 'row';
  reason: RowProblemReason;
  message: string;
  /** The other row (DUPLICATE_IN_FILE) or the passbook already open (DUPLICATE_EXISTING, SAME_NAME_EXISTS). */
  row?: number;
  passbookNo?: string;
}

export interface ImportRowReport {
  /** The row's number in the file (header is row 1), or its position in `rows` from 1. */
  row: number;
  name: string;
  kind: MemberKind | null;
  phone: string | null;
  teams: string[];
  status: 'ok' | 'refused' | 'imported' | 'skipped';
  problems: RowProblem[];
  warnings: RowProblem[];
  /** After the import: the new passbook, and the PIN when the service generated it (shown once). */
  memberId?: number;
  passbookNo?: string;
  pin?: string;
}

export interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  refused: number;
  imported: number;
  /** Teams named in the file that do not exist yet; the import creates them. */
  newTeams: string[];
  rows: ImportRowReport[];
}

const KIND_WORDS: Record<string, MemberKind> = {
  党员: 'party_member',
  中共党员: 'party_member',
  预备党员: 'party_member',
  party_member: 'party_member',
  群众: 'resident',
  居民: 'resident',
  resident: 'resident',
};
const TEAM_SEPARATORS = /[、,，;；/|]/;
const TEAM_NAME_MAX = 50;
/** Duplicate people are the same name with the same phone (a phone is the tie-breaker for 王秀兰). */
const personKey = (name: string, phone: string): string => `${name}\u0000${phone}`;

interface CheckedRow {
  /** `newTeams`: the row's teams that do not exist yet (reported once, in the summary). */
  report: ImportRowReport & { newTeams: string[] };
  dto?: CreateMemberDto;
}

/**
 * Members from a roster and back. On import every row is checked by the rules of POST /api/members,
 * then all valid rows are written in one transaction — or none, when a row is refused and the admin
 * did not ask to skip it.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly db: Database,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A file (base64 xlsx or csv) or rows already read, checked and, unless a dry run, imported. */
  async importFrom(
    communityId: number,
    input: { file?: string; format?: RosterFormat; rows?: Omit<RosterRow, 'row'>[] },
    opts: { dryRun: boolean; skipInvalid: boolean },
  ): Promise<ImportReport> {
    const rows =
      input.file !== undefined
        ? await readRoster(Buffer.from(input.file, 'base64'), input.format ?? 'xlsx')
        : (input.rows ?? []).map((r, i) => ({ ...r, row: i + 1 }));
    return this.import(communityId, rows, opts);
  }

  /** Rows into the community: its members, its teams; duplicates are looked for in it. */
  async import(
    communityId: number,
    rows: RosterRow[],
    opts: { dryRun: boolean; skipInvalid: boolean },
  ): Promise<ImportReport> {
    if (rows.length === 0) {
      throw DomainError.validation('the roster has no rows', { field: 'rows', reason: 'EMPTY' });
    }
    if (opts.dryRun) {
      return this.db.read(async (em) =>
        this.summary(await this.check(em, communityId, rows), true, []),
      );
    }
    // PINs are hashed before the transaction: scrypt is slow and the write queue is shared.
    const pins = await Promise.all(
      rows.map(async (r) => {
        const pin = r.pin?.trim() || randomSecret(6, '0123456789');
        return { pin, hash: await hashSecret(pin), generated: !r.pin?.trim() };
      }),
    );
    return this.db.write(async (em) => {
      const checked = await this.check(em, communityId, rows);
      const refused = checked.filter((c) => c.report.status === 'refused');
      if (refused.length > 0 && !opts.skipInvalid) {
        throw DomainError.validation(`${refused.length} of ${rows.length} rows are refused`, {
          reason: 'IMPORT_ROWS_REFUSED',
          report: this.summary(checked, false, []),
        });
      }
      const teamIds = new Map<string, number>();
      const created: string[] = [];
      for (const [i, c] of checked.entries()) {
        if (!c.dto) {
          c.report.status = 'skipped';
          continue;
        }
        const { member } = await this.people.createMember({
          communityId,
          name: c.dto.name,
          kind: c.dto.kind,
          phone: c.dto.phone ?? null,
          passbookNo: c.dto.passbookNo,
          pin: pins[i].pin,
          pinHash: pins[i].hash,
          joinedOn: c.dto.joinedOn,
        });
        for (const teamName of c.report.teams) {
          let teamId = teamIds.get(teamName) ?? (await this.teamId(em, communityId, teamName));
          if (teamId === undefined) {
            teamId = (await this.people.createTeam({ communityId, name: teamName })).team.id;
            created.push(teamName);
          }
          teamIds.set(teamName, teamId);
          await this.people.addTeamMember(teamId, member.id);
        }
        Object.assign(c.report, {
          status: 'imported',
          memberId: member.id,
          passbookNo: member.passbookNo,
          ...(pins[i].generated ? { pin: pins[i].pin } : {}),
        });
      }
      return this.summary(checked, false, created);
    });
  }

  async exportFile(communityId: number, format: RosterFormat): Promise<Buffer> {
    return writeRoster(await this.exportRows(communityId), format);
  }

  /** Every member of the community (active or not) with their teams, for the office's spreadsheet. */
  async exportRows(communityId: number): Promise<RosterExportRow[]> {
    return this.db.read(async (em) => {
      const rows: {
        id: unknown;
        passbook_no: string;
        name: string;
        kind: MemberKind;
        phone: string | null;
        active: unknown;
        created_at: string;
        joined_on: string | null;
        balance: unknown;
      }[] = await em.query(
        sql(
          this.db,
          `SELECT m.id, m.passbook_no, m.name, m.kind, m.phone, m.active, m.created_at, m.joined_on,
                  b.balance
           FROM members m JOIN balances b ON b.account_id = m.account_id
           WHERE m.community_id = ? ORDER BY m.id`,
        ),
        [communityId],
      );
      const teamRows: { member_id: unknown; name: string }[] = await em.query(
        sql(
          this.db,
          `SELECT tm.member_id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id
           WHERE t.community_id = ? ORDER BY t.id`,
        ),
        [communityId],
      );
      const teams = new Map<number, string[]>();
      for (const t of teamRows) {
        const id = toSafeInteger(t.member_id);
        teams.set(id, [...(teams.get(id) ?? []), t.name]);
      }
      return rows.map((r) => ({
        passbookNo: r.passbook_no,
        name: r.name,
        kind: r.kind === 'party_member' ? '党员' : '群众',
        phone: r.phone ?? '',
        teams: (teams.get(toSafeInteger(r.id)) ?? []).join('、'),
        balance: formatCents(toSafeInteger(r.balance)),
        status: r.active ? '在册' : '已停用',
        createdAt: localDate(new Date(r.created_at), this.config.timeZone),
        joinedOn: r.joined_on ?? localDate(new Date(r.created_at), this.config.timeZone),
      }));
    });
  }

  private summary(checked: CheckedRow[], dryRun: boolean, createdTeams: string[]): ImportReport {
    const reports = checked.map((c) => c.report);
    const newTeams = dryRun
      ? [...new Set(reports.flatMap((r) => (r.status === 'ok' ? r.newTeams : [])))]
      : createdTeams;
    return {
      dryRun,
      total: reports.length,
      valid: checked.filter((c) => c.dto).length,
      refused: reports.filter((r) => r.status === 'refused' || r.status === 'skipped').length,
      imported: reports.filter((r) => r.status === 'imported').length,
      newTeams,
      rows: reports.map(({ newTeams: _unused, ...r }) => r),
    };
  }

  private async teamId(
    em: EntityManager,
    communityId: number,
    name: string,
  ): Promise<number | undefined> {
    return (await em.findOneBy(Team, { communityId, name }))?.id;
  }

  private async check(
    em: EntityManager,
    communityId: number,
    rows: RosterRow[],
  ): Promise<CheckedRow[]> {
    const existing = await em.find(Member, {
      select: { name: true, phone: true, passbookNo: true },
      where: { communityId },
    });
    const byPerson = new Map<string, string>();
    const byName = new Map<string, string>();
    for (const m of existing) {
      byName.set(m.name, m.passbookNo);
      if (m.phone) {
        byPerson.set(personKey(m.name, normalisePhone(m.phone)), m.passbookNo);
      }
    }
    const teams = new Set(
      (await em.find(Team, { select: { name: true }, where: { communityId } })).map((t) => t.name),
    );
    const today = this.clock.today(this.config.timeZone);
    const seenPeople = new Map<string, number>();
    const seenPassbooks = new Map<string, number>();
    const out: CheckedRow[] = [];
    for (const row of rows) {
      const problems: RowProblem[] = [];
      const warnings: RowProblem[] = [];
      const name = (row.name ?? '').trim();
      const kindText = (row.kind ?? '').trim();
      const kind: MemberKind | null = kindText === '' ? 'resident' : (KIND_WORDS[kindText] ?? null);
      if (kind === null) {
        problems.push({
          field: 'kind',
          reason: 'INVALID',
          message: 'kind must be 党员 (party_member) or 群众 (resident)',
        });
      }
      const plain: Record<string, unknown> = { name, kind: kind ?? 'resident' };
      const phoneText = (row.phone ?? '').trim();
      if (phoneText) {
        plain.phone = phoneText;
      }
      if (row.pin?.trim()) {
        plain.pin = row.pin.trim();
      }
      const passbookText = (row.passbookNo ?? '').trim();
      if (passbookText) {
        plain.passbookNo = passbookText;
      }
      const joinedText = (row.joinedOn ?? '').trim();
      if (joinedText) {
        plain.joinedOn = joinedOnText(joinedText);
      }
      const dto = plainToInstance(CreateMemberDto, plain);
      for (const e of await validate(dto, { whitelist: true, forbidNonWhitelisted: true })) {
        const constraints = Object.keys(e.constraints ?? {});
        problems.push({
          field: e.property as RowProblem['field'],
          reason: constraints.includes('isNotEmpty')
            ? 'REQUIRED'
            : constraints.includes('maxLength')
              ? 'TOO_LONG'
              : 'INVALID',
          message: Object.values(e.constraints ?? {}).join('; '),
        });
      }
      if (typeof dto.joinedOn === 'string' && !problems.some((p) => p.field === 'joinedOn')) {
        try {
          checkJoinedOn(dto.joinedOn, today);
        } catch (e) {
          problems.push({
            field: 'joinedOn',
            reason: 'INVALID',
            message: e instanceof Error ? e.message : 'joinedOn is out of range',
          });
        }
      }
      let passbookNo: string | undefined;
      if (passbookText) {
        const normal = normalisePassbookNumber(passbookText);
        if (!normal || !normal.startsWith('V')) {
          problems.push({
            field: 'passbookNo',
            reason: 'INVALID',
            message:
              'passbookNo must be a volunteer (V…) passbook number with a valid check character',
          });
        } else if (seenPassbooks.has(normal)) {
          problems.push({
            field: 'passbookNo',
            reason: 'DUPLICATE_IN_FILE',
            message: `passbook number ${normal} is also on row ${seenPassbooks.get(normal)}`,
            row: seenPassbooks.get(normal),
            passbookNo: normal,
          });
        } else if (await em.findOneBy(Account, { passbookNo: normal })) {
          problems.push({
            field: 'passbookNo',
            reason: 'PASSBOOK_NO_TAKEN',
            message: `passbook number ${normal} is already in use`,
            passbookNo: normal,
          });
        } else {
          passbookNo = normal;
          seenPassbooks.set(normal, row.row);
        }
      }
      const teamNames = [
        ...new Set(
          (row.teams ?? '')
            .split(TEAM_SEPARATORS)
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ];
      for (const t of teamNames) {
        if (t.length > TEAM_NAME_MAX || !ONE_LINE.test(t)) {
          problems.push({
            field: 'teams',
            reason: t.length > TEAM_NAME_MAX ? 'TOO_LONG' : 'INVALID',
            message: `team name must be one line of at most ${TEAM_NAME_MAX} characters`,
          });
        }
      }
      const phone = typeof dto.phone === 'string' ? dto.phone : null;
      if (name && phone && !problems.some((p) => p.field === 'phone')) {
        const key = personKey(name, phone);
        const other = seenPeople.get(key);
        if (other !== undefined) {
          problems.push({
            field: 'row',
            reason: 'DUPLICATE_IN_FILE',
            message: `the same name and phone are on row ${other}`,
            row: other,
          });
        } else if (byPerson.has(key)) {
          problems.push({
            field: 'row',
            reason: 'DUPLICATE_EXISTING',
            message: `${name} with this phone already has passbook ${byPerson.get(key)}`,
            passbookNo: byPerson.get(key),
          });
        }
        seenPeople.set(key, row.row);
      }
      if (name && byName.has(name) && !problems.some((p) => p.reason === 'DUPLICATE_EXISTING')) {
        warnings.push({
          field: 'name',
          reason: 'SAME_NAME_EXISTS',
          message: `a volunteer named ${name} already has passbook ${byName.get(name)}`,
          passbookNo: byName.get(name),
        });
      }
      const ok = problems.length === 0;
      if (ok && passbookNo) {
        dto.passbookNo = passbookNo;
      }
      out.push({
        report: {
          row: row.row,
          name,
          kind,
          phone: phone ?? (phoneText || null),
          teams: teamNames,
          newTeams: teamNames.filter((t) => !teams.has(t)),
          status: ok ? 'ok' : 'refused',
          problems,
          warnings,
        },
        dto: ok ? dto : undefined,
      });
    }
    return out;
  }
}
