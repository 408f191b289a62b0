import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, communityOf } from '../access/access.policy';
import { actorOf, Principal } from '../common/principal';
import { canonicalJson } from '../common/idempotency/idempotency.interceptor';
import { Clock, localDate } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { KeyRing } from '../common/keys/key-ring';
import { maskName } from '../common/mask';
import { decodeIdCursor, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { formatCents, toSafeInteger } from '../common/points';
import { shownNames } from '../communities/community-name';
import { Community } from '../communities/entities/community.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed } from '../ledger/ledger-sql';
import { ID_DOCUMENT_NAMES, IdDocumentType } from '../people/id-document';
import { StandardService } from '../standard/standard.service';
import { Member } from '../people/entities/member.entity';
import { Certificate } from './entities/certificate.entity';
import { CertificateRevocation } from './entities/certificate-revocation.entity';

/** What is signed: every field of the certificate as printed, and nothing else. */
export interface CertificatePayload {
  format: typeof PAYLOAD_FORMAT;
  number: string;
  issuedAt: string;
  issuedOn: string;
  from: string;
  to: string;
  volunteer: {
    name: string;
    passbookNo: string;
    idDocument: { type: IdDocumentType; typeName: string; number: string } | null;
  };
  hours: string;
  service: {
    categoryCode: string;
    categoryName: string | null;
    hours: string;
    items: { itemCode: string; itemName: string | null; hours: string; records: number }[];
  }[];
  community: {
    code: string;
    name: string | null;
    issuer: string | null;
    personInCharge: string | null;
    contactPhone: string | null;
    contactAddress: string | null;
  };
  handler: string;
  purpose: string | null;
}

export type CertificateStatus = 'valid' | 'revoked' | 'invalid';

/** A certificate as every read sees it: the issued row joined with its revocation, if any. */
type CertificateRow = Certificate & {
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
};
type RegisterRow = CertificateRow & { name: string; passbookNo: string };

const PAYLOAD_FORMAT = 'love-passbook/certificate/v1';
/** `<community code>-<year>-<6 digits>`; the code's rule is COMMUNITY_CODE (communities.service). */
const NUMBER_RE = /^([a-z0-9-]{1,32})-(\d{4})-(\d{6})$/;

/**
 * Certificates of recorded service (志愿服务记录证明, 民政部令第67号): issued from the community's
 * verified service records, signed with the service's Ed25519 key, verifiable by anyone with the
 * number, revocable by the community's admin. The stored payload is the only source of what a
 * certificate says; the row's other columns only index the register.
 */
@Injectable()
export class CertificatesService implements OnModuleInit {
  private readonly logger = new Logger(CertificatesService.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: KeyRing,
    private readonly access: AccessPolicy,
    private readonly standard: StandardService,
  ) {}

  /**
   * A key folder that does not belong to this database (not restored with it, or regenerated) is
   * told at start, naming the folder: the newest sealed identity document and the newest
   * certificate are tried with its keys. Nothing is refused; the office decides.
   */
  async onModuleInit(): Promise<void> {
    const [member, certificate] = await this.db.read(async (em) => [
      await em
        .createQueryBuilder(Member, 'm')
        .where('m.id_document_sealed IS NOT NULL')
        .orderBy('m.id', 'DESC')
        .getOne(),
      await em.createQueryBuilder(Certificate, 'c').orderBy('c.id', 'DESC').getOne(),
    ]);
    const dir = this.config.certificateKeyDir;
    if (member?.idDocumentSealed && this.keys.open(member.idDocumentSealed) === null) {
      this.logger.warn(
        `identity documents stored in the database do not open with the key in ${dir}: restore that folder from the backup made with the database`,
      );
    }
    if (certificate && !this.keys.verify(certificate.payload, certificate.signature)) {
      this.logger.warn(
        `the newest certificate does not verify with the signing key in ${dir} (another key, or a changed row): restore that folder from the backup made with the database`,
      );
    }
  }

  async issue(
    p: Principal,
    input: { memberId: number; from: string; to: string; handler: string; purpose?: string },
  ) {
    const communityId = communityOf(p);
    const today = this.clock.today(this.config.timeZone);
    if (input.from > input.to) {
      throw DomainError.validation('from must not be after to', { field: 'from' });
    }
    if (input.to > today) {
      throw DomainError.validation(`to must not be after today (${today})`, { field: 'to' });
    }
    const member = await this.access.memberOfCommunity(p, input.memberId);
    if (!member) {
      throw DomainError.notFound('member');
    }
    const lines = await this.serviceLines(communityId, member.id, input.from, input.to);
    if (lines.length === 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `there is no verified service of this volunteer from ${input.from} to ${input.to} to certify`,
        { reason: 'NO_RECORDED_SERVICE', from: input.from, to: input.to },
      );
    }
    const service = await this.withNames(communityId, lines);
    const now = this.clock.now();
    const issuedOn = localDate(now, this.config.timeZone);
    const year = Number(issuedOn.slice(0, 4));
    const saved = await this.db.write(async (em) => {
      // Numbers run in sequence per community and year, across instances too.
      await this.db.lockName(`certificates:${communityId}`);
      const community = await em.findOneByOrFail(Community, { id: communityId });
      const last: { seq: unknown }[] = await em.query(
        sql(
          this.db,
          'SELECT MAX(seq) AS seq FROM certificates WHERE community_id = ? AND year = ?',
        ),
        [communityId, year],
      );
      const seq = toSafeInteger(last[0]?.seq ?? 0) + 1;
      const number = `${community.code}-${year}-${String(seq).padStart(6, '0')}`;
      const hoursCents = service.reduce((sum, c) => sum + c.hoursCents, 0);
      const payload: CertificatePayload = {
        format: PAYLOAD_FORMAT,
        number,
        issuedAt: now.toISOString(),
        issuedOn,
        from: input.from,
        to: input.to,
        volunteer: {
          name: member.name,
          passbookNo: member.passbookNo,
          idDocument:
            member.idDocumentType && member.idDocumentMasked
              ? {
                  type: member.idDocumentType,
                  typeName: ID_DOCUMENT_NAMES[member.idDocumentType],
                  number: member.idDocumentMasked,
                }
              : null,
        },
        hours: formatCents(hoursCents),
        service: service.map((c) => ({
          categoryCode: c.categoryCode,
          categoryName: c.categoryName,
          hours: formatCents(c.hoursCents),
          items: c.items.map((i) => ({
            itemCode: i.itemCode,
            itemName: i.itemName,
            hours: formatCents(i.hoursCents),
            records: i.records,
          })),
        })),
        community: {
          code: community.code,
          ...shownNames(community, this.config.community),
          personInCharge: community.personInCharge,
          contactPhone: community.contactPhone,
          contactAddress: community.contactAddress,
        },
        handler: input.handler,
        purpose: input.purpose ?? null,
      };
      const text = canonicalJson(payload);
      const row = em.create(Certificate, {
        communityId,
        number,
        year,
        seq,
        memberId: member.id,
        periodFrom: input.from,
        periodTo: input.to,
        hours: hoursCents,
        payload: text,
        signature: this.keys.sign(text),
        issuedBy: actorOf(p),
        issuedAt: payload.issuedAt,
      });
      return em.save(row);
    });
    return this.view({ ...saved, revokedAt: null, revokedBy: null, revokeReason: null });
  }

  /** One certificate of the admin's community (another community's, or none: 404). */
  async get(p: Principal, number: string) {
    return this.view(await this.ofCommunity(p, number));
  }

  /**
   * Adds the certificate's revocation (append-only, one per certificate: the primary key decides
   * between two at once; the later one is refused with the first one's time).
   */
  async revoke(p: Principal, number: string, reason: string) {
    const found = await this.ofCommunity(p, number);
    await this.db.write(async (em) => {
      const inserted: unknown[] = await em.query(
        sql(
          this.db,
          `INSERT INTO certificate_revocations (certificate_id, revoked_at, revoked_by, reason)
           VALUES (?, ?, ?, ?) ON CONFLICT (certificate_id) DO NOTHING RETURNING certificate_id`,
        ),
        [found.id, this.clock.now().toISOString(), actorOf(p), reason],
      );
      if (inserted.length === 0) {
        const first = await em.findOneByOrFail(CertificateRevocation, { certificateId: found.id });
        throw new DomainError(ErrorCode.CONFLICT, 'the certificate was revoked already', {
          reason: 'CERTIFICATE_REVOKED',
          revokedAt: first.revokedAt,
        });
      }
    });
    // Certificates are never deleted (append-only): the row found above is still there.
    return this.view((await this.db.read((em) => this.one(em, 'c.id = ?', found.id)))!);
  }

  /** The register: the community's certificates in the order issued. */
  async list(
    p: Principal,
    query: {
      memberId?: number;
      from?: string;
      to?: string;
      community?: string;
      limit?: number;
      cursor?: string;
    },
  ): Promise<Page<ReturnType<CertificatesService['listItem']>>> {
    const community = await this.access.communityToRead(p, query.community);
    const limit = query.limit ?? LIMIT_DEFAULT;
    const where = ['c.community_id = ?', 'c.id > ?'];
    const params: unknown[] = [community.id, decodeIdCursor(query.cursor) ?? 0];
    if (query.memberId !== undefined) {
      where.push('c.member_id = ?');
      params.push(query.memberId);
    }
    if (query.from !== undefined) {
      where.push('c.period_to >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('c.period_from <= ?');
      params.push(query.to);
    }
    params.push(limit + 1);
    const rows = await this.db.read((em) => this.registerRows(em, where, params));
    return toPage(rows, limit, (r) => this.listItem(r));
  }

  /** Anyone's check: the stored content against its signature, and whether it was revoked. */
  async check(number: string) {
    const row = NUMBER_RE.test(number)
      ? await this.db.read((em) => this.one(em, 'c.number = ?', number))
      : null;
    if (!row) {
      throw DomainError.notFound('certificate');
    }
    const payload = this.verified(row);
    if (payload === null) {
      return {
        number: row.number,
        status: 'invalid' as const,
        issuedAt: null,
        name: null,
        hours: null,
        from: null,
        to: null,
        community: null,
        revokedAt: null,
      };
    }
    return {
      number: row.number,
      status: row.revokedAt ? ('revoked' as const) : ('valid' as const),
      issuedAt: payload.issuedAt,
      name: maskName(payload.volunteer.name),
      hours: payload.hours,
      from: payload.from,
      to: payload.to,
      community: {
        code: payload.community.code,
        name: payload.community.name,
        issuer: payload.community.issuer,
      },
      revokedAt: row.revokedAt,
    };
  }

  publicKey() {
    return {
      algorithm: 'Ed25519',
      publicKeyPem: this.keys.publicKeyPem,
      fingerprint: this.keys.fingerprint,
    };
  }

  /** The payload when its signature holds over the stored bytes and it is this row's; else null. */
  private verified(row: CertificateRow): CertificatePayload | null {
    if (!this.keys.verify(row.payload, row.signature)) {
      return null;
    }
    try {
      const payload = JSON.parse(row.payload) as CertificatePayload;
      return payload.format === PAYLOAD_FORMAT && payload.number === row.number ? payload : null;
    } catch {
      return null;
    }
  }

  private statusOf(row: CertificateRow): CertificateStatus {
    return this.verified(row) === null ? 'invalid' : row.revokedAt ? 'revoked' : 'valid';
  }

  private async ofCommunity(p: Principal, number: string): Promise<CertificateRow> {
    const communityId = communityOf(p);
    const row = NUMBER_RE.test(number)
      ? await this.db.read((em) =>
          this.one(em, 'c.number = ? AND c.community_id = ?', number, communityId),
        )
      : null;
    if (!row) {
      throw DomainError.notFound('certificate');
    }
    return row;
  }

  /**
   * What the office reads: the signed content as stored (when it no longer verifies, status says
   * invalid and the content is the stored text's, for the office to see what was changed).
   */
  private view(row: CertificateRow) {
    const status = this.statusOf(row);
    let payload: Partial<CertificatePayload> = {};
    try {
      payload = JSON.parse(row.payload) as CertificatePayload;
    } catch {
      // An unreadable payload is shown with the row's own columns only.
    }
    return {
      number: row.number,
      status,
      issuedAt: row.issuedAt,
      issuedOn: payload.issuedOn ?? localDate(new Date(row.issuedAt), this.config.timeZone),
      from: row.periodFrom,
      to: row.periodTo,
      memberId: row.memberId,
      volunteer: payload.volunteer ?? { name: '', passbookNo: '', idDocument: null },
      hours: payload.hours ?? formatCents(row.hours),
      service: payload.service ?? [],
      community: payload.community ?? {
        code: '',
        name: null,
        issuer: null,
        personInCharge: null,
        contactPhone: null,
        contactAddress: null,
      },
      handler: payload.handler ?? '',
      purpose: payload.purpose ?? null,
      signature: row.signature,
      revocation: row.revokedAt
        ? {
            revokedAt: row.revokedAt,
            revokedBy: row.revokedBy ?? '',
            reason: row.revokeReason ?? '',
          }
        : null,
    };
  }

  private listItem(r: RegisterRow) {
    return {
      number: r.number,
      status: this.statusOf(r),
      memberId: r.memberId,
      name: r.name,
      passbookNo: r.passbookNo,
      from: r.periodFrom,
      to: r.periodTo,
      hours: formatCents(r.hours),
      issuedAt: r.issuedAt,
      issuedBy: r.issuedBy,
      revokedAt: r.revokedAt,
    };
  }

  /** One certificate with its revocation, or null. */
  private async one(
    em: EntityManager,
    where: string,
    ...params: unknown[]
  ): Promise<CertificateRow | null> {
    const raw: Record<string, unknown>[] = await em.query(
      sql(this.db, `${selectCertificates()} WHERE ${where}`),
      params,
    );
    return raw.length === 0 ? null : certificateRowOf(raw[0]);
  }

  private async registerRows(
    em: EntityManager,
    where: string[],
    params: unknown[],
  ): Promise<RegisterRow[]> {
    const raw: Record<string, unknown>[] = await em.query(
      sql(
        this.db,
        `${selectCertificates(true)} WHERE ${where.join(' AND ')} ORDER BY c.id LIMIT ?`,
      ),
      params,
    );
    return raw.map((r) => ({
      ...certificateRowOf(r),
      name: String(r.member_name),
      passbookNo: String(r.member_passbook_no),
    }));
  }

  /**
   * Verified hours (posted records whose earn was not reversed) of the member's service in the
   * community from `from` to `to`, by category and item and the standard version they were scored by.
   */
  private async serviceLines(communityId: number, memberId: number, from: string, to: string) {
    const rows: {
      category_code: string;
      item_code: string;
      version: unknown;
      hours: unknown;
      records: unknown;
    }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT sr.category_code, sr.item_code, MAX(sr.standard_version) AS version,
                  SUM(sr.hours) AS hours, COUNT(*) AS records
           FROM service_records sr
           WHERE sr.community_id = ? AND sr.member_id = ? AND sr.status = 'posted'
             AND ${notReversed('sr.transaction_id')}
             AND sr.service_date >= ? AND sr.service_date <= ?
           GROUP BY sr.category_code, sr.item_code
           ORDER BY sr.category_code, sr.item_code`,
        ),
        [communityId, memberId, from, to],
      ),
    );
    return rows.map((r) => ({
      categoryCode: r.category_code,
      itemCode: r.item_code,
      version: toSafeInteger(r.version),
      hoursCents: toSafeInteger(r.hours),
      records: toSafeInteger(r.records),
    }));
  }

  /** Category and item names from the newest standard version the lines were scored by. */
  private async withNames(
    communityId: number,
    lines: Awaited<ReturnType<CertificatesService['serviceLines']>>,
  ) {
    const out: {
      categoryCode: string;
      categoryName: string | null;
      hoursCents: number;
      items: { itemCode: string; itemName: string | null; hoursCents: number; records: number }[];
    }[] = [];
    for (const line of lines) {
      const version = await this.standard.getVersion(communityId, line.version);
      const category = version.categories.find((c) => c.code === line.categoryCode);
      let group = out.find((g) => g.categoryCode === line.categoryCode);
      if (!group) {
        group = {
          categoryCode: line.categoryCode,
          categoryName: category?.name ?? null,
          hoursCents: 0,
          items: [],
        };
        out.push(group);
      }
      group.hoursCents += line.hoursCents;
      group.items.push({
        itemCode: line.itemCode,
        itemName: category?.items.find((i) => i.code === line.itemCode)?.name ?? null,
        hoursCents: line.hoursCents,
        records: line.records,
      });
    }
    return out;
  }
}

/**
 * Every read of a certificate's status goes through this join: the revocation is a row of its own
 * (append-only, one per certificate); the register adds the member's name and passbook number.
 */
function selectCertificates(withMember = false): string {
  return `SELECT c.*, r.revoked_at AS revoked_at, r.revoked_by AS revoked_by,
                 r.reason AS revoke_reason${
                   withMember ? ', m.name AS member_name, m.passbook_no AS member_passbook_no' : ''
                 }
          FROM certificates c${withMember ? ' JOIN members m ON m.id = c.member_id' : ''}
          LEFT JOIN certificate_revocations r ON r.certificate_id = c.id`;
}

function certificateRowOf(r: Record<string, unknown>): CertificateRow {
  return {
    id: toSafeInteger(r.id),
    communityId: toSafeInteger(r.community_id),
    number: String(r.number),
    year: toSafeInteger(r.year),
    seq: toSafeInteger(r.seq),
    memberId: toSafeInteger(r.member_id),
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    hours: toSafeInteger(r.hours),
    payload: String(r.payload),
    signature: String(r.signature),
    issuedBy: String(r.issued_by),
    issuedAt: String(r.issued_at),
    revokedBy: (r.revoked_by as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
    revokeReason: (r.revoke_reason as string | null) ?? null,
  };
}
