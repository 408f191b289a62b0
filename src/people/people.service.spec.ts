import { MembersService } from './members.service';
import { newPassbookNumber } from './passbook-number';
import { PeopleService } from './people.service';
import { fixtures, staffPrincipal } from '../../test/support/fixtures';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { sql } from '../common/db/database';

describe(PeopleService.name, () => {
  let t: TestContext;
  let people: PeopleService;
  let members: MembersService;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    t = await createTestContext();
    people = t.ctx.get(PeopleService);
    members = t.ctx.get(MembersService);
    f = fixtures(t.ctx);
  });
  afterAll(() => t.close());

  const admin = staffPrincipal({ id: 1, username: 'admin' }, 'admin');

  it('should give a pre-printed passbook number to exactly one of two concurrent creations', async () => {
    const printed = newPassbookNumber('V');
    const results = await Promise.allSettled([
      people.createMember({
        communityId: 1,
        name: '甲',
        kind: 'resident',
        pin: '111111',
        passbookNo: printed,
      }),
      people.createMember({
        communityId: 1,
        name: '乙',
        kind: 'resident',
        pin: '111111',
        passbookNo: printed,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('should scope members to the teams a leader leads', async () => {
    const a = await f.newMember();
    const b = await f.newMember();
    const leader = await f.newUser('leader');
    await f.newTeam({ leaderUserIds: [leader.id], memberIds: [a.id] });
    await f.newTeam({ memberIds: [b.id] });
    const asLeader = staffPrincipal(leader, 'leader');
    const page = await members.listMembers(asLeader, {});
    expect(page.items.map((m) => m.id)).toEqual([a.id]);
    await expect(members.memberView(b.id, asLeader)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(members.memberView(b.id, admin)).resolves.toMatchObject({ id: b.id });
  });

  it('should keep the account name in step with a renamed member', async () => {
    const member = await f.newMember({ name: '旧名' });
    await members.updateMember(member.id, { name: '新名' }, admin);
    const passbook = await people.findPassbook(member.passbookNo);
    expect(passbook?.owner).toMatchObject({ type: 'member', member: { name: '新名' } });
    const account: { name: string }[] = await t.db.read((em) =>
      em.query(sql(t.db, 'SELECT name FROM accounts WHERE id = ?'), [member.accountId]),
    );
    expect(account[0].name).toBe('新名');
  });
});
