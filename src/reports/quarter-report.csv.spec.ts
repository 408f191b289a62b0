import { quarterReportCsv, quarterReportCsvZh } from './quarter-report.csv';
import { QuarterReport } from './reports.service';

describe(quarterReportCsv.name, () => {
  const report: QuarterReport = {
    period: { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' },
    generatedAt: '2026-06-15T02:00:00.000Z',
    earned: {
      points: '30.00',
      byCategory: [
        {
          categoryCode: 'A',
          categoryName: '生活服务',
          points: '25.00',
          hours: '5.00',
          records: 2,
          volunteers: 1,
        },
      ],
      byTeam: [
        {
          teamId: 3,
          teamName: '=HYPERLINK("x"),"队"',
          points: '20.00',
          hours: '4.00',
          records: 1,
          volunteers: 1,
        },
        { teamId: null, teamName: null, points: '5.00', hours: '1.00', records: 1, volunteers: 1 },
      ],
      notFromServiceRecords: '5.00',
    },
    redeemed: { points: '8.00', byMembers: '6.00', byHouseholds: '2.00', redemptions: 2 },
    donated: { points: '3.00', donations: 1, donors: 1, households: 1 },
    activeVolunteers: 1,
    newVolunteers: 4,
    wishesFulfilled: 0,
    ordersServed: 0,
    stockGivenOut: [
      { catalogItemId: 7, name: '大米5kg', kind: 'goods', quantity: 3, points: '30.00' },
    ],
    byMonth: [{ month: '2026-04', earned: '30.00', redeemed: '8.00', donated: '3.00' }],
    outstandingPoints: { total: '-0.50', members: '-1.00', households: '0.50', asOf: '2026-06-30' },
  };

  it('should write one table with a BOM, CRLF lines and every section', () => {
    const csv = quarterReportCsv(report);
    expect(csv.startsWith('\ufeffsection,key,name,points,hours,count\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'section,key,name,points,hours,count',
      'period,2026-Q2,2026-04-01..2026-06-30,,,',
      'earned,total,,30.00,,',
      'earned_by_category,A,生活服务,25.00,5.00,2',
      `earned_by_team,3,"'=HYPERLINK(""x""),""队""",20.00,4.00,1`,
      'earned_by_team,none,,5.00,1.00,1',
      'earned,not_from_service_records,,5.00,,',
      'redeemed,total,,8.00,,2',
      'redeemed,members,,6.00,,',
      'redeemed,households,,2.00,,',
      'donated,total,,3.00,,1',
      'donated,donors,,,,1',
      'donated,households,,,,1',
      'volunteers,active,,,,1',
      'volunteers,new,,,,4',
      'stock_given_out,7,大米5kg,30.00,,3',
      'month_earned,2026-04,,30.00,,',
      'month_redeemed,2026-04,,8.00,,',
      'month_donated,2026-04,,3.00,,',
      'outstanding,total,2026-06-30,-0.50,,',
      'outstanding,members,,-1.00,,',
      'outstanding,households,,0.50,,',
    ]);
  });

  it('should write the Chinese table the street office reads, with a BOM and no English codes', () => {
    const csv = quarterReportCsvZh(report);
    expect(csv.startsWith('\ufeff栏目,项目,名称,积分,服务时长（小时）,数量,人数\r\n')).toBe(true);
    expect(csv.slice(1).trimEnd().split('\r\n')).toEqual([
      '栏目,项目,名称,积分,服务时长（小时）,数量,人数',
      '统计期,2026年第2季度,2026-04-01 至 2026-06-30,,,,',
      '服务获得积分,合计,,30.00,,,',
      '按服务类别,A,生活服务,25.00,5.00,2,1',
      `按服务队,3,"'=HYPERLINK(""x""),""队""",20.00,4.00,1,1`,
      '按服务队,,未归队,5.00,1.00,1,1',
      '服务获得积分,非服务记录所得（如纸质存折转入）,,5.00,,,',
      '兑换积分,合计（数量为兑换次数）,,8.00,,2,',
      '兑换积分,志愿者兑换,,6.00,,,',
      '兑换积分,困难家庭兑换,,2.00,,,',
      '捐赠积分,合计（数量为捐赠笔数）,,3.00,,1,',
      '捐赠积分,捐赠人,,,,,1',
      '捐赠积分,受赠家庭（户）,,,,,1',
      '志愿者,活跃志愿者（本季度有服务记录）,,,,,1',
      '志愿者,新登记志愿者,,,,,4',
      '发出物品和服务券,7,大米5kg,30.00,,3,',
      '按月,2026年4月,服务获得,30.00,,,',
      '按月,2026年4月,兑换,8.00,,,',
      '按月,2026年4月,捐赠,3.00,,,',
      '未兑换积分（待兑付）,合计,截至 2026-06-30,-0.50,,,',
      '未兑换积分（待兑付）,志愿者,,-1.00,,,',
      '未兑换积分（待兑付）,困难家庭,,0.50,,,',
    ]);
  });
});
