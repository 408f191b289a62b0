import { quarterReportCsv } from './quarter-report.csv';
import { QuarterReport } from './reports.service';

describe(quarterReportCsv.name, () => {
  const report: QuarterReport = {
    period: { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' },
    generatedAt: '2026-06-15T02:00:00.000Z',
    earned: {
      points: '30.00',
      byCategory: [
        { categoryCode: 'A', points: '25.00', hours: '5.00', records: 2, volunteers: 1 },
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
    stockGivenOut: [],
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
      'earned_by_category,A,,25.00,5.00,2',
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
      'outstanding,total,2026-06-30,-0.50,,',
      'outstanding,members,,-1.00,,',
      'outstanding,households,,0.50,,',
    ]);
  });
});
