import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { LedgerService } from '../ledger/ledger.service';
import { CommunityPatch } from './community-name';
import { CommunityRules } from './community-rules';
import { Community, StreetOffice } from './entities/community.entity';

/** A community's code: its folder under config/communities/ and its name in public addresses. */
export const COMMUNITY_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Communities and the street offices they belong to. */
@Injectable()
export class CommunitiesService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly rules: CommunityRules,
  ) {}

  /**
   * A new community under a street office: its row, its genesis hash, its issuance and shop
   * accounts, in one write; its rule files are read (and checked) first, so a bad file refuses it.
   */
  async create(input: {
    streetOfficeId: number;
    code: string;
    name: string;
    issuer?: string | null;
  }): Promise<Community> {
    if (!COMMUNITY_CODE.test(input.code)) {
      throw DomainError.validation(
        'code must be 1-32 lowercase letters, digits or dashes, starting with a letter or digit',
        { field: 'code' },
      );
    }
    return this.db.write(async (em) => {
      await this.db.lockName(`community-code:${input.code}`);
      if (await em.findOneBy(Community, { code: input.code })) {
        throw new DomainError(ErrorCode.CONFLICT, `community code "${input.code}" is taken`, {
          reason: 'DUPLICATE_NAME',
          field: 'code',
        });
      }
      const community = em.create(Community, {
        streetOfficeId: input.streetOfficeId,
        code: input.code,
        name: input.name,
        issuer: input.issuer ?? null,
        personInCharge: null,
        contactPhone: null,
        contactAddress: null,
        // Each chain starts from its own genesis, so a row moved between communities breaks a link.
        genesisHash: randomBytes(32).toString('hex'),
        createdAt: this.clock.now().toISOString(),
      });
      await em.save(community);
      this.rules.load(community.id, community.code);
      await this.ledger.openSystemAccounts(community.id);
      return community;
    });
  }

  /**
   * The community a public page (no login) is about: `?community=<code>`, or without one the first
   * community (id 1), so a single-community installation's addresses keep working. Unknown: 404.
   */
  async publicCommunity(code?: string): Promise<Community> {
    const found = await this.db.read((em) =>
      code === undefined || code === ''
        ? em.findOneBy(Community, { id: 1 })
        : em.findOneBy(Community, { code }),
    );
    if (!found) {
      throw DomainError.notFound('community');
    }
    return found;
  }

  /**
   * A community's name and issuer (null leaves one as it is) and its certificates' contact (null
   * removes a field). Unknown: 404.
   */
  async update(id: number, patch: CommunityPatch): Promise<Community> {
    return this.db.write(async (em) => {
      const community = await em.findOneBy(Community, { id });
      if (!community) {
        throw DomainError.notFound('community');
      }
      if (patch.name !== undefined && patch.name !== null) {
        community.name = patch.name;
      }
      if (patch.issuer !== undefined && patch.issuer !== null) {
        community.issuer = patch.issuer;
      }
      if (patch.personInCharge !== undefined) {
        community.personInCharge = patch.personInCharge;
      }
      if (patch.contactPhone !== undefined) {
        community.contactPhone = patch.contactPhone;
      }
      if (patch.contactAddress !== undefined) {
        community.contactAddress = patch.contactAddress;
      }
      await em.save(community);
      return community;
    });
  }

  /** The communities of a street office, oldest first. */
  async ofStreetOffice(streetOfficeId: number): Promise<Community[]> {
    return this.db.read((em) =>
      em.find(Community, { where: { streetOfficeId }, order: { id: 'ASC' } }),
    );
  }

  async streetOffice(id: number): Promise<StreetOffice | null> {
    return this.db.read((em) => em.findOneBy(StreetOffice, { id }));
  }

  async find(id: number): Promise<Community | null> {
    return this.db.read((em) => em.findOneBy(Community, { id }));
  }

  async findByCode(code: string): Promise<Community | null> {
    return this.db.read((em) => em.findOneBy(Community, { code }));
  }
}
