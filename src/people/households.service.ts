import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { communityOf, maySeePersonalData, volunteerIdOf } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { maskName } from '../common/mask';
import { decodeIdCursor, likePattern, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { Account } from '../ledger/entities/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Hardship, Household } from './entities/household.entity';
import { HouseholdChoice, HouseholdRow, householdView, HouseholdView } from './household.view';
import { normalisePassbookNumber } from './passbook-number';
import { PassbookNumbers } from './passbook-numbers.service';

/** Households in hardship: their passbooks, details and who may see them. */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly numbers: PassbookNumbers,
  ) {}

  /** A household of the community, with a passbook and an account in that community's books. */
  async createHousehold(input: {
    communityId: number;
    name: string;
    hardship: Hardship;
    address?: string | null;
    contact?: string | null;
    passbookNo?: string;
  }): Promise<Household> {
    return this.db.write(async (em) => {
      const passbookNo = await this.numbers.passbookNumberFor('H', input.passbookNo);
      const account = await this.ledger.openAccount(
        input.communityId,
        'household',
        input.name,
        passbookNo,
      );
      const row = em.create(Household, {
        communityId: input.communityId,
        accountId: account.id,
        passbookNo,
        name: input.name,
        hardship: input.hardship,
        address: input.address ?? null,
        contact: input.contact ?? null,
        verified: true,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      return em.save(row);
    });
  }

  /**
   * Staff see every household (contact and address masked for clerks); volunteers choose whom to
   * give to from the verified, active households, seeing only a masked name and the hardship.
   */
  async listHouseholds(
    viewer: Principal,
    query: { q?: string; limit?: number; cursor?: string },
  ): Promise<Page<HouseholdView | HouseholdChoice>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    const forVolunteer = volunteerIdOf(viewer) !== null;
    return this.db.read(async (em) => {
      const where = ['h.community_id = ?', 'h.id > ?'];
      const params: unknown[] = [communityOf(viewer), afterId];
      if (forVolunteer) {
        where.push(`h.verified = ${this.db.boolSql(true)} AND h.active = ${this.db.boolSql(true)}`);
      } else if (query.q) {
        const alternatives = ["LOWER(h.name) LIKE ? ESCAPE '\\'"];
        params.push(likePattern(query.q.toLowerCase()));
        const passbookNo = normalisePassbookNumber(query.q);
        if (passbookNo) {
          alternatives.push('h.passbook_no = ?');
          params.push(passbookNo);
        }
        where.push(`(${alternatives.join(' OR ')})`);
      }
      const rows = await this.householdRows(em, where, [...params, limit + 1]);
      return toPage(rows, limit, (r) =>
        forVolunteer
          ? { id: r.id, name: maskName(r.name), hardship: r.hardship }
          : householdView(r, maySeePersonalData(viewer)),
      );
    });
  }

  async householdView(id: number, viewer: Principal): Promise<HouseholdView> {
    const rows = await this.db.read((em) =>
      this.householdRows(em, ['h.community_id = ?', 'h.id = ?'], [communityOf(viewer), id, 1]),
    );
    if (rows.length === 0) {
      throw DomainError.notFound('household');
    }
    return householdView(rows[0], maySeePersonalData(viewer));
  }

  /** Corrects details, or withdraws (verified: false) or closes (active: false) a household. */
  async updateHousehold(
    id: number,
    changes: {
      name?: string;
      hardship?: Hardship;
      address?: string | null;
      contact?: string | null;
      verified?: boolean;
      active?: boolean;
    },
    viewer: Principal,
  ): Promise<HouseholdView> {
    await this.db.write(async (em) => {
      const household = await em.findOneBy(Household, { id, communityId: communityOf(viewer) });
      if (!household) {
        throw DomainError.notFound('household');
      }
      const patch: Partial<Household> = {};
      for (const key of ['name', 'hardship', 'address', 'contact', 'verified', 'active'] as const) {
        if (changes[key] !== undefined) {
          (patch as Record<string, unknown>)[key] = changes[key];
        }
      }
      if (Object.keys(patch).length > 0) {
        await em.update(Household, { id }, patch);
      }
      if (changes.name !== undefined) {
        await em.update(Account, { id: household.accountId }, { name: changes.name });
      }
    });
    return this.householdView(id, viewer);
  }

  private async householdRows(
    em: EntityManager,
    where: string[],
    params: unknown[],
  ): Promise<HouseholdRow[]> {
    const raw: (Omit<HouseholdRow, 'id'> & { id: unknown })[] = await em.query(
      sql(
        this.db,
        `SELECT h.id, h.passbook_no, h.name, h.hardship, h.address, h.contact, h.verified, h.active,
                h.created_at, b.balance
         FROM households h JOIN balances b ON b.account_id = h.account_id
         WHERE ${where.join(' AND ')} ORDER BY h.id LIMIT ?`,
      ),
      params,
    );
    return raw.map((r) => ({ ...r, id: toSafeInteger(r.id) }));
  }
}
