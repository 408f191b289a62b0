import { householdView } from './household.view';
import { memberView } from './member.view';

describe('people views', () => {
  const member = {
    id: 4,
    passbook_no: 'V0000004',
    name: '王小明',
    kind: 'resident' as const,
    phone: '13812345678',
    active: 1,
    created_at: '2026-06-01T00:00:00.000Z',
    id_document_type: 'resident_id' as const,
    id_document_masked: '1101**********1233',
    balance: '1250',
  };
  const household = {
    id: 2,
    passbook_no: 'H0000002',
    name: '李奶奶',
    hardship: 'elderly_alone' as const,
    address: '大连市甘井子区泡崖街道岭南社区12号楼',
    contact: '13900001111',
    verified: true,
    active: 0,
    created_at: '2026-06-02T00:00:00.000Z',
    balance: 0,
  };

  it('should show a member in full or with the phone masked, balance as a decimal string', () => {
    expect(memberView(member, [1, 3], true)).toEqual({
      id: 4,
      passbookNo: 'V0000004',
      name: '王小明',
      kind: 'resident',
      phone: '13812345678',
      active: true,
      balance: '12.50',
      teamIds: [1, 3],
      createdAt: '2026-06-01T00:00:00.000Z',
      joinedOn: '2026-06-01',
      deactivatedOn: null,
      idDocument: { type: 'resident_id', number: '1101**********1233' },
    });
    expect(memberView(member, [], false)).toMatchObject({ phone: '138****5678', teamIds: [] });
    expect(memberView({ ...member, phone: null }, [], false).phone).toBeNull();
  });

  it('should show a household in full or with address and contact masked', () => {
    expect(householdView(household, true)).toEqual({
      id: 2,
      passbookNo: 'H0000002',
      name: '李奶奶',
      hardship: 'elderly_alone',
      address: '大连市甘井子区泡崖街道岭南社区12号楼',
      contact: '13900001111',
      verified: true,
      active: false,
      balance: '0.00',
      createdAt: '2026-06-02T00:00:00.000Z',
    });
    expect(householdView(household, false)).toMatchObject({
      address: '大连市甘井子****',
      contact: '139****1111',
    });
  });
});
