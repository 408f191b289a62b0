import { useState } from 'preact/hooks';
import { download, get, query } from '../api';
import { community } from '../community';
import { formatHours, todayLocal } from '../format';
import { openingQuarter, quarterOf } from '../quarter';
import { L } from '../i18n';
import { toCents } from '../points';
import type { Standard } from '../types';
import { BarList, GroupedBarChart, type Series } from '../ui/charts';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Section,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';

interface EarnedLine {
  points: string;
  hours: string;
  records: number;
  volunteers: number;
}

/** GET /api/reports/quarter/:year/:quarter. `byMonth` is read when the service gives it. */
export interface QuarterReport {
  period: { year: number; quarter: number; from: string; to: string };
  earned: {
    points: string;
    byCategory: (EarnedLine & { categoryCode: string; categoryName?: string | null })[];
    byTeam: (EarnedLine & { teamId: number | null; teamName: string | null })[];
    notFromServiceRecords?: string;
  };
  redeemed: { points: string; redemptions?: number };
  donated: { points: string; donations?: number };
  activeVolunteers: number;
  newVolunteers: number;
  stockGivenOut: {
    catalogItemId: number;
    name: string;
    kind: string;
    quantity: number;
    points: string;
  }[];
  outstandingPoints: { total: string; asOf?: string };
  byMonth?: { month: string; earned: string; redeemed: string; donated: string }[];
}

const cents = (text: string | undefined): number => toCents(text ?? null) ?? 0;

/** Today by the service's clock in the community's zone (the device's clock if it did not say). */
const communityToday = (): string => community().today ?? todayLocal();

/** Earned, redeemed and donated per month when the report has months, else per quarter of the year. */
async function loadTimeline(
  report: QuarterReport,
  signal: AbortSignal,
): Promise<{ byMonth: boolean; groups: { label: string; values: number[] }[] }> {
  if (report.byMonth?.length) {
    return {
      byMonth: true,
      groups: report.byMonth.map((m) => ({
        label: m.month,
        values: [cents(m.earned), cents(m.redeemed), cents(m.donated)],
      })),
    };
  }
  const now = quarterOf(communityToday());
  const year = report.period.year;
  const last = year === now.year ? now.quarter : 4;
  const quarters = await Promise.all(
    Array.from({ length: last }, (_, i) =>
      i + 1 === report.period.quarter
        ? Promise.resolve(report)
        : get<QuarterReport>(`/reports/quarter/${year}/${i + 1}`, { signal }),
    ),
  );
  return {
    byMonth: false,
    groups: quarters.map((q) => ({
      label: L(`第${q.period.quarter}季度`, `Q${q.period.quarter}`),
      values: [cents(q.earned.points), cents(q.redeemed.points), cents(q.donated.points)],
    })),
  };
}

function ReportBody(props: { report: QuarterReport }) {
  const r = props.report;
  const standard = useLoad(
    (signal) => get<Standard>(`/standard${query({ date: r.period.to })}`, { signal }),
    [r.period.to],
  );
  const timeline = useLoad((signal) => loadTimeline(r, signal), [r.period.year, r.period.quarter]);
  const categoryName = (code: string) =>
    r.earned.byCategory.find((c) => c.categoryCode === code)?.categoryName ??
    standard.data?.categories.find((c) => c.code === code)?.name ??
    code;
  const series: Series[] = [
    { name: L('服务获得', 'earned'), cls: 's-earned' },
    { name: L('兑换', 'redeemed'), cls: 's-redeemed' },
    { name: L('捐赠', 'donated'), cls: 's-donated' },
  ];
  const tiles = [
    { label: L('服务获得积分', 'Points earned'), value: r.earned.points },
    { label: L('兑换积分', 'Points redeemed'), value: r.redeemed.points },
    { label: L('捐赠积分', 'Points donated'), value: r.donated.points },
    { label: L('活跃志愿者', 'Active volunteers'), value: String(r.activeVolunteers) },
    { label: L('新志愿者', 'New volunteers'), value: String(r.newVolunteers) },
    { label: L('未兑换积分（待兑付）', 'Outstanding points'), value: r.outstandingPoints.total },
  ];
  return (
    <>
      <p class="muted">
        <Unbroken
          text={L(
            `统计期：${r.period.from} 至 ${r.period.to}`,
            `Period: ${r.period.from} to ${r.period.to}`,
          )}
        />
      </p>
      <dl class="tiles" data-testid="report-tiles">
        {tiles.map((t) => (
          <div key={t.label}>
            <dt>{t.label}</dt>
            <dd>{t.value}</dd>
          </div>
        ))}
      </dl>
      <div class="charts">
        {timeline.error ? <ErrorMsg error={timeline.error} ctx={{ subject: 'report' }} /> : null}
        {timeline.data ? (
          <GroupedBarChart
            testId="chart-timeline"
            title={
              timeline.data.byMonth
                ? L('按月：获得、兑换、捐赠的积分', 'By month: points earned, redeemed, donated')
                : L(
                    `按季度：获得、兑换、捐赠的积分（${r.period.year}年）`,
                    `By quarter of ${r.period.year}: points earned, redeemed, donated`,
                  )
            }
            series={series}
            groups={timeline.data.groups}
          />
        ) : (
          <Loading />
        )}
        <BarList
          testId="chart-categories"
          title={L('按类别：服务获得的积分', 'By category: points earned')}
          series={[series[0]]}
          rows={r.earned.byCategory.map((c) => ({
            label: categoryName(c.categoryCode),
            values: [cents(c.points)],
          }))}
        />
        <BarList
          title={L('按服务队：服务获得的积分', 'By team: points earned')}
          series={[series[0]]}
          rows={r.earned.byTeam.map((t) => ({
            label: t.teamName ?? L('未归队', 'no team'),
            values: [cents(t.points)],
          }))}
        />
      </div>
      <div class="table-wrap">
        <table class="table table-cards">
          <caption>{L('各类别明细', 'By category')}</caption>
          <thead>
            <tr>
              <th>{L('类别', 'Category')}</th>
              <th class="num">{L('积分', 'Points')}</th>
              <th class="num">{L('时长', 'Hours')}</th>
              <th class="num">{L('记录数', 'Records')}</th>
              <th class="num">{L('人数', 'Volunteers')}</th>
            </tr>
          </thead>
          <tbody>
            {r.earned.byCategory.map((c) => (
              <tr key={c.categoryCode}>
                <td data-label={L('类别', 'Category')}>{categoryName(c.categoryCode)}</td>
                <td data-label={L('积分', 'Points')} class="num">
                  {c.points}
                </td>
                <td data-label={L('时长', 'Hours')} class="num">
                  {formatHours(c.hours)}
                </td>
                <td data-label={L('记录数', 'Records')} class="num">
                  {c.records}
                </td>
                <td data-label={L('人数', 'Volunteers')} class="num">
                  {c.volunteers}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.stockGivenOut.length ? (
        <div class="table-wrap">
          <table class="table table-cards">
            <caption>{L('发出的物品和服务券', 'Goods and coupons given out')}</caption>
            <thead>
              <tr>
                <th>{L('物品', 'Item')}</th>
                <th class="num">{L('数量', 'Quantity')}</th>
                <th class="num">{L('积分', 'Points')}</th>
              </tr>
            </thead>
            <tbody>
              {r.stockGivenOut.map((s) => (
                <tr key={s.catalogItemId}>
                  <td data-label={L('物品', 'Item')}>{s.name}</td>
                  <td data-label={L('数量', 'Quantity')} class="num">
                    {s.quantity}
                  </td>
                  <td data-label={L('积分', 'Points')} class="num">
                    {s.points}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function ReportSection() {
  const now = openingQuarter(communityToday());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const [shown, setShown] = useState({ year: String(now.year), quarter: String(now.quarter) });
  const report = useLoad(
    (signal) => get<QuarterReport>(`/reports/quarter/${shown.year}/${shown.quarter}`, { signal }),
    [shown.year, shown.quarter],
  );
  const csv = useAction();
  return (
    <Section
      title={L(
        `季度报表：${shown.year}年第${shown.quarter}季度`,
        `Quarterly report: ${shown.year} Q${shown.quarter}`,
      )}
    >
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}$/.test(year)) {
            setShown({ year, quarter });
          }
        }}
      >
        <Field label={L('年份', 'Year')}>
          <input
            value={year}
            inputMode="numeric"
            maxLength={4}
            onInput={(e) => setYear(inputValue(e))}
          />
        </Field>
        <Field label={L('季度', 'Quarter')}>
          <select value={quarter} onChange={(e) => setQuarter(inputValue(e))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)}>
                {L(`第${q}季度`, `Q${q}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="btn btn-secondary">
          {L('查看', 'Show')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={csv.busy}
          onClick={() =>
            void csv.run(() =>
              download(
                `/reports/quarter/${shown.year}/${shown.quarter}?format=csv&lang=zh`,
                `passbook-report-${shown.year}-Q${shown.quarter}.csv`,
              ),
            )
          }
        >
          {L('下载 CSV', 'Download CSV')}
        </button>
      </form>
      <ErrorMsg error={csv.error ?? report.error} ctx={{ subject: 'report' }} />
      {report.loading && !report.data ? <Loading /> : null}
      {report.data ? (
        <ReportBody key={`${shown.year}-${shown.quarter}`} report={report.data} />
      ) : null}
    </Section>
  );
}
