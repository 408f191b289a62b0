import { INestApplicationContext } from '@nestjs/common';
import { AuthService } from '../../src/auth/auth.service';
import { Database } from '../../src/common/db/database';
import { Principal, StaffRole } from '../../src/common/principal';
import { CommunitiesService } from '../../src/communities/communities.service';
import { Community } from '../../src/communities/entities/community.entity';
import { Cents } from '../../src/common/points';
import { LedgerService, PostedTransaction } from '../../src/ledger/ledger.service';
import { Hardship, Household } from '../../src/people/entities/household.entity';
import { Member, MemberKind } from '../../src/people/entities/member.entity';
import { PeopleService } from '../../src/people/people.service';
import { Clock } from '../../src/common/clock';
import { formatCents } from '../../src/common/points';
import { CatalogService } from '../../src/shop/catalog.service';
import { CatalogItemKind } from '../../src/shop/entities/catalog-item.entity';
import { RedemptionWindowsService } from '../../src/shop/redemption-windows.service';
import { User } from '../../src/auth/entities/user.entity';
import { ServiceRecordView } from '../../src/service-records/service-record.view';
import { ServiceRecordsService } from '../../src/service-records/service-records.service';

let counter = 0;

/**
 * A staff principal as the auth guard builds it for `user`: of community 1 unless `place` says
 * otherwise (a street-office user: no community, its street office).
 */
export function staffPrincipal(
  user: { id: number; username: string },
  role: StaffRole,
  place: { communityId: number | null; streetOfficeId: number | null } = {
    communityId: 1,
    streetOfficeId: null,
  },
): Principal & { kind: 'user' } {
  return { kind: 'user', userId: user.id, username: user.username, role, ...place };
}

const next = (): number => ++counter;

/**
 * Builders for tests (ctx.newMember() and friends), working through the real services on the
 * real store. Pass a TestApp's `app` or a TestContext's `ctx`.
 */
export function fixtures(ctx: INestApplicationContext) {
  const people = ctx.get(PeopleService);
  const ledger = ctx.get(LedgerService);
  const auth = ctx.get(AuthService);
  const db = ctx.get(Database);

  const f = {
    /** A member with PIN "123456" unless given. */
    async newMember(
      opts: {
        name?: string;
        kind?: MemberKind;
        phone?: string;
        pin?: string;
        communityId?: number;
      } = {},
    ): Promise<Member> {
      const { member } = await people.createMember({
        communityId: opts.communityId ?? 1,
        name: opts.name ?? `志愿者${next()}`,
        kind: opts.kind ?? 'resident',
        phone: opts.phone ?? null,
        pin: opts.pin ?? '123456',
      });
      return member;
    },

    async newHousehold(
      opts: { name?: string; hardship?: Hardship; address?: string; communityId?: number } = {},
    ): Promise<Household> {
      return people.createHousehold({
        communityId: opts.communityId ?? 1,
        name: opts.name ?? `困难家庭${next()}`,
        hardship: opts.hardship ?? 'elderly_alone',
        address: opts.address ?? null,
      });
    },

    /**
     * A staff user; password "password-123". Community staff work in community 1 unless given, an
     * office user for street office 1 unless given.
     */
    async newUser(
      role: StaffRole,
      username = `${role}${next()}`,
      place: { communityId?: number; streetOfficeId?: number } = {},
    ): Promise<User> {
      return auth.createUser(
        username,
        'password-123',
        role,
        [],
        role === 'office'
          ? { streetOfficeId: place.streetOfficeId ?? 1 }
          : { communityId: place.communityId ?? 1 },
      );
    },

    /** A new community under street office 1 (its own genesis hash, issuance and shop accounts). */
    async newCommunity(code = `c${next()}`): Promise<Community> {
      return ctx
        .get(CommunitiesService)
        .create({ streetOfficeId: 1, code, name: `社区${code.toUpperCase()}` });
    },

    /** A team (community 1 unless given) led by the given users, with the given members. */
    async newTeam(
      opts: {
        leaderUserIds?: number[];
        memberIds?: number[];
        name?: string;
        communityId?: number;
      } = {},
    ) {
      const { team } = await people.createTeam({
        communityId: opts.communityId ?? 1,
        name: opts.name ?? `服务队${next()}`,
        leaderUserIds: opts.leaderUserIds,
      });
      for (const memberId of opts.memberIds ?? []) {
        await people.addTeamMember(team.id, memberId);
      }
      return team;
    },

    /**
     * Credits points straight from the community's issuance (an `earn` entry) dated `effectiveDate`
     * (default today); the account is of community 1 unless given.
     */
    async earn(
      accountId: number,
      cents: Cents,
      effectiveDate?: string,
      communityId = 1,
    ): Promise<PostedTransaction> {
      const issuance = await ledger.systemAccountId(communityId, 'issuance');
      return db.write(() =>
        ledger.post({
          communityId,
          kind: 'earn',
          actor: 'system:test',
          description: 'test earn',
          effectiveDate,
          postings: [
            { accountId: issuance, amount: -cents },
            { accountId, amount: cents },
          ],
        }),
      );
    },

    balanceOf: (accountId: number): Promise<Cents> => ledger.balanceOf(accountId),

    /** A shop item (goods unless given) at `priceCents` hundredths, with `stock` whole units. */
    async newCatalogItem(
      opts: {
        name?: string;
        kind?: CatalogItemKind;
        priceCents?: Cents;
        stock?: number;
        communityId?: number;
      } = {},
    ) {
      return ctx.get(CatalogService).create(
        {
          name: opts.name ?? `商品${next()}`,
          kind: opts.kind ?? 'goods',
          price: formatCents(opts.priceCents ?? 100),
          stock: opts.stock ?? 10,
        },
        'system:test',
        opts.communityId ?? 1,
      );
    },

    /** An ad-hoc redemption window open from the clock's now for `hours`. */
    async openRedemptionWindow(hours = 24, communityId = 1) {
      const now = ctx.get(Clock).now();
      return ctx.get(RedemptionWindowsService).createAdHoc(
        {
          opensAt: now.toISOString(),
          closesAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
        },
        'system:test',
        communityId,
      );
    },

    /** "Bearer <token>" for a staff user or a member, issued without a login request. */
    async bearer(owner: { userId: number } | { memberId: number }): Promise<string> {
      return `Bearer ${(await auth.issueToken(owner)).token}`;
    },

    /** A leader user with a team of the given members; returns the leader, team and a token. */
    async newLeaderWithTeam(memberIds: number[] = []) {
      const leader = await f.newUser('leader');
      const team = await f.newTeam({ leaderUserIds: [leader.id], memberIds });
      return { leader, team, auth: await f.bearer({ userId: leader.id }) };
    },

    /** Many members at once (PIN hashing runs in parallel), in creation order. */
    async newMembers(count: number, opts: { kind?: MemberKind } = {}): Promise<Member[]> {
      return Promise.all(Array.from({ length: count }, () => f.newMember(opts)));
    },

    /** "Bearer <token>" for a volunteer, as after passbook login. */
    async memberAuth(memberId: number): Promise<string> {
      const { token } = await auth.issueToken({ memberId });
      return `Bearer ${token}`;
    },

    /**
     * Spends points at the community's shop (a `redeem` entry) dated `effectiveDate` (default
     * today); the account is of community 1 unless given.
     */
    async redeem(
      accountId: number,
      cents: Cents,
      effectiveDate?: string,
      communityId = 1,
    ): Promise<PostedTransaction> {
      const shop = await ledger.systemAccountId(communityId, 'shop');
      return db.write(() =>
        ledger.post({
          communityId,
          kind: 'redeem',
          actor: 'system:test',
          description: 'test redeem',
          effectiveDate,
          postings: [
            { accountId, amount: -cents },
            { accountId: shop, amount: cents },
          ],
        }),
      );
    },

    /**
     * Service logged through the service as the bootstrap admin (posted at once, scored by the
     * standard, within the back-dating limit of the clock's day and the daily caps).
     */
    async logService(
      member: Member,
      input: { itemCode: string; quantity: number; serviceDate: string; teamId?: number },
    ): Promise<ServiceRecordView> {
      const admin = await db.read((em) => em.findOneByOrFail(User, { username: 'admin' }));
      return ctx
        .get(ServiceRecordsService)
        .logOne(staffPrincipal(admin, 'admin'), { memberId: member.id, ...input });
    },
  };
  return f;
}
