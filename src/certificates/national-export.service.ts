import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessPolicy, mayExportIdNumbers } from '../access/access.policy';
import { actorOf, Principal } from '../common/principal';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { KeyRing } from '../common/keys/key-ring';
import { SheetColumn, SheetFormat, writeSheet } from '../common/spreadsheet';
import { formatCents, toSafeInteger } from '../common/points';
import { shownNames } from '../communities/community-name';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { notReversed } from '../ledger/ledger-sql';
import { ID_DOCUMENT_NAMES, IdDocumentType } from '../people/id-document';
import { StandardService } from '../standard/standard.service';

export type NationalExportFormat = SheetFormat;

/** One row of the national export: one verified service record. */
export interface NationalExportRow {
  name: string;
  idType: string;
  idNumber: string;
  passbookNo: string;
  serviceDate: string;
  content: string;
  hours: string;
  recordedBy: string;
}

/** The fields the national volunteer record system (全国志愿服务信息系统) holds, in its order. */
const COLUMNS: SheetColumn<NationalExportRow>[] = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '证件类型', key: 'idType', width: 22 },
  { header: '证件号码', key: 'idNumber', width: 22 },
  { header: '志愿者编号', key: 'passbookNo', width: 12 },
  { header: '服务日期', key: 'serviceDate', width: 12 },
  { header: '服务内容', key: 'content', width: 40 },
  { header: '服务时长', key: 'hours', width: 10, numFmt: '0.00' },
  { header: '记录单位', key: 'recordedBy', width: 20 },
];

/** Longest period one export covers: a year, so a request cannot read the whole history at once. */
const PERIOD_DAYS_MAX = 366;

/**
 * The community's verified service records (posted, earn not reversed) of a period as the national
 * record system takes them, identity document numbers decrypted for this file only (the admin's or
 * the street office's upward report); the log says that an export was made, never who is in it.
 */
@Injectable()
export class NationalExportService {
  private readonly logger = new Logger(NationalExportService.name);

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: KeyRing,
    private readonly access: AccessPolicy,
    private readonly standard: StandardService,
  ) {}

  async rows(
    p: Principal,
    query: { from: string; to: string; community?: string },
  ): Promise<{ rows: NationalExportRow[]; communityCode: string }> {
    if (query.from > query.to) {
      throw DomainError.validation('from must not be after to', { field: 'from' });
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days >= PERIOD_DAYS_MAX) {
      throw DomainError.validation(`an export covers at most ${PERIOD_DAYS_MAX} days`, {
        field: 'to',
      });
    }
    if (!mayExportIdNumbers(p)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only an admin or the street office exports', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const community = await this.access.communityToRead(p, query.community);
    const recordedBy = shownNames(community, this.config.community).name ?? community.code;
    const raw: {
      name: string;
      passbook_no: string;
      id_document_type: IdDocumentType | null;
      id_document_sealed: string | null;
      service_date: string;
      category_code: string;
      item_code: string;
      standard_version: unknown;
      hours: unknown;
      title: string | null;
    }[] = await this.db.read((em) =>
      em.query(
        sql(
          this.db,
          `SELECT m.name, m.passbook_no, m.id_document_type, m.id_document_sealed,
                  sr.service_date, sr.category_code, sr.item_code, sr.standard_version, sr.hours,
                  COALESCE(e.title, a.title) AS title
           FROM service_records sr
           JOIN members m ON m.id = sr.member_id
           LEFT JOIN events e ON e.id = sr.event_id
           LEFT JOIN activities a ON a.id = sr.activity_id
           WHERE sr.community_id = ? AND sr.status = 'posted'
             AND ${notReversed('sr.transaction_id')}
             AND sr.service_date >= ? AND sr.service_date <= ?
           ORDER BY sr.service_date, m.passbook_no, sr.id`,
        ),
        [community.id, query.from, query.to],
      ),
    );
    let unreadable = 0;
    const rows: NationalExportRow[] = [];
    for (const r of raw) {
      const version = await this.standard.getVersion(
        community.id,
        toSafeInteger(r.standard_version),
      );
      const category = version.categories.find((c) => c.code === r.category_code);
      const item = category?.items.find((i) => i.code === r.item_code);
      let idNumber = '';
      if (r.id_document_sealed) {
        const opened = this.keys.open(r.id_document_sealed);
        if (opened === null) {
          unreadable++;
        }
        idNumber = opened ?? '（无法解密）';
      }
      rows.push({
        name: r.name,
        idType: r.id_document_type ? ID_DOCUMENT_NAMES[r.id_document_type] : '',
        idNumber,
        passbookNo: r.passbook_no,
        serviceDate: r.service_date,
        content: [category?.name ?? r.category_code, item?.name ?? r.item_code, r.title]
          .filter((part): part is string => Boolean(part))
          .join(' / '),
        hours: formatCents(toSafeInteger(r.hours)),
        recordedBy,
      });
    }
    // Who exported what period, and how many rows: no name, number or passbook.
    this.logger.log(
      `national service-record export of community ${community.code} for ${query.from}..${query.to}: ${rows.length} records, by ${actorOf(p)}`,
    );
    if (unreadable > 0) {
      this.logger.warn(
        `national export of community ${community.code}: the identity document of ${unreadable} rows does not open with the key in ${this.config.certificateKeyDir}: was that folder restored with the database?`,
      );
    }
    return { rows, communityCode: community.code };
  }

  async file(
    p: Principal,
    query: { from: string; to: string; community?: string },
    format: NationalExportFormat,
  ): Promise<{ file: Buffer; name: string }> {
    const { rows, communityCode } = await this.rows(p, query);
    const name = `national-service-records-${communityCode}-${query.from}-${query.to}.${format}`;
    return { file: await writeSheet('志愿服务记录', COLUMNS, rows, format), name };
  }
}
