import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { download, get, query } from '../api';
import { community } from '../community';
import { formatHours, todayLocal } from '../format';
import { openingQuarter, quarterOf } from '../quarter';
import { L } from '../i18n';
import { toCents } from '../points';
import type { Standard } from '../types';
import { BarList, GroupedBarChart, LineChart, type Series } from '../ui/charts';
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

/** GET /api/reports/year/:year: the quarter's figures over the year, hours and stars. */
export interface AnnualReport extends Omit<QuarterReport, 'period' | 'byMonth' | 'earned'> {
  period: { year: number; from: string; to: string };
  earned: QuarterReport['earned'] & { hours: string };
  byMonth: { month: string; earned: string; redeemed: string; donated: string; hours: string }[];
  stars: {
    byStars: Record<string, number> | null;
    members: number | null;
    publishedAt: string | null;
    why: 'NO_RATING' | 'RATING_NOT_PUBLISHED' | null;
  };
}

/** GET /api/reports/growth. */
export interface GrowthReport {
  from: string;
  to: string;
  months: { month: string; registered: number; active: number; joined: number; left: number }[];
}

const cents = (text: string | undefined): number => toCents(text ?? null) ?? 0;

const SERIES: Series[] = [
  { name: L('服务获得', 'earned'), cls: 's-earned' },
  { name: L('兑换', 'redeemed'), cls: 's-redeemed' },
  { name: L('捐赠', 'donated'), cls: 's-donated' },
];

/** "2026-03" as the chart's short label: 3月 / Mar. */
const monthLabel = (month: string): string => {
  const n = Number(month.slice(5, 7));
  const en = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return L(`${n}月`, en[n - 1] ?? month);
};

/** A month's earned, redeemed and donated points as one group of bars. */
const monthBars = (
  m: { earned: string; redeemed: string; donated: string },
  label: string,
): { label: string; values: number[] } => ({
  label,
  values: [cents(m.earned), cents(m.redeemed), cents(m.donated)],
});

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
      groups: report.byMonth.map((m) => monthBars(m, m.month)),
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

/** A quarter's or a year's report: the figures both views draw. */
type PeriodFigures = QuarterReport | AnnualReport;

/** The headline figures of a report; a year's adds its service hours after the points earned. */
function tilesOf(r: PeriodFigures, hours?: string): { label: string; value: string }[] {
  return [
    { label: L('服务获得积分', 'Points earned'), value: r.earned.points },
    ...(hours === undefined
      ? []
      : [{ label: L('服务时长（小时）', 'Service hours'), value: formatHours(hours) }]),
    { label: L('兑换积分', 'Points redeemed'), value: r.redeemed.points },
    { label: L('捐赠积分', 'Points donated'), value: r.donated.points },
    { label: L('活跃志愿者', 'Active volunteers'), value: String(r.activeVolunteers) },
    { label: L('新志愿者', 'New volunteers'), value: String(r.newVolunteers) },
    { label: L('未兑换积分（待兑付）', 'Outstanding points'), value: r.outstandingPoints.total },
  ];
}

/**
 * One report's page, a quarter's or a year's: its period, tiles, its points over time, the charts
 * by category and team (and any the report adds), the table by category and the stock given out.
 */
function PeriodBody(props: {
  report: PeriodFigures;
  tiles: { label: string; value: string }[];
  /** The period's points over time: the first chart. */
  timeline: ComponentChild;
  /** Charts only this report has, after those by category and team. */
  more?: ComponentChild;
}) {
  const r = props.report;
  const standard = useLoad(
    (signal) => get<Standard>(`/standard${query({ date: r.period.to })}`, { signal }),
    [r.period.to],
  );
  const categoryName = (code: string) =>
    r.earned.byCategory.find((c) => c.categoryCode === code)?.categoryName ??
    standard.data?.categories.find((c) => c.code === code)?.name ??
    code;
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
        {props.tiles.map((t) => (
          <div key={t.label}>
            <dt>{t.label}</dt>
            <dd>{t.value}</dd>
          </div>
        ))}
      </dl>
      <div class="charts">
        {props.timeline}
        <BarList
          testId="chart-categories"
          title={L('按类别：服务获得的积分', 'By category: points earned')}
          series={[SERIES[0]]}
          rows={r.earned.byCategory.map((c) => ({
            label: categoryName(c.categoryCode),
            values: [cents(c.points)],
          }))}
        />
        <BarList
          testId="chart-teams"
          title={L('按服务队：服务获得的积分', 'By team: points earned')}
          series={[SERIES[0]]}
          rows={r.earned.byTeam.map((t) => ({
            label: t.teamName ?? L('未归队', 'no team'),
            values: [cents(t.points)],
          }))}
        />
        {props.more}
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

function QuarterBody(props: { report: QuarterReport }) {
  const r = props.report;
  const timeline = useLoad((signal) => loadTimeline(r, signal), [r.period.year, r.period.quarter]);
  return (
    <PeriodBody
      report={r}
      tiles={tilesOf(r)}
      timeline={
        <>
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
              series={SERIES}
              groups={timeline.data.groups}
            />
          ) : (
            <Loading />
          )}
        </>
      }
    />
  );
}

function YearBody(props: { report: AnnualReport }) {
  const r = props.report;
  const stars = r.stars.byStars;
  return (
    <PeriodBody
      report={r}
      tiles={tilesOf(r, r.earned.hours)}
      timeline={
        <GroupedBarChart
          many
          testId="chart-year-months"
          title={L(
            `按月：获得、兑换、捐赠的积分（${r.period.year}年）`,
            `By month of ${r.period.year}: points earned, redeemed, donated`,
          )}
          series={SERIES}
          groups={r.byMonth.map((m) => monthBars(m, monthLabel(m.month)))}
        />
      }
      more={
        stars ? (
          <BarList
            testId="chart-stars"
            title={L(
              `星级评定：各星级人数（共 ${r.stars.members ?? 0} 人）`,
              `Star rating: volunteers per grade (${r.stars.members ?? 0} in all)`,
            )}
            series={[{ name: L('人数', 'volunteers'), cls: 's-stars' }]}
            format={(v) => String(v)}
            rows={Object.entries(stars)
              .sort((a, b) => Number(b[0]) - Number(a[0]))
              .map(([n, count]) => ({
                label: n === '0' ? L('未达星级', 'no star') : L(`${n}星`, `${n} stars`),
                values: [count],
              }))}
          />
        ) : (
          <figure class="chart" data-testid="chart-stars">
            <figcaption>{L('星级评定', 'Star rating')}</figcaption>
            <p class="muted">
              {r.stars.why === 'RATING_NOT_PUBLISHED'
                ? L(
                    '本年度星级评定还是草稿，公布后这里显示各星级人数。',
                    "The year's star rating is still a draft; the grades show here once it is published.",
                  )
                : L(
                    '本年度还没有星级评定（年度结束后在“星级评定”中计算并公布）。',
                    'No star rating for this year yet (computed and published under Star ratings after the year ends).',
                  )}
            </p>
          </figure>
        )
      }
    />
  );
}

/** "2026-06" n months before `month` (n may be negative). */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Volunteers registered and active month by month (the community's growth), a range at a time: part
 * of the report's card, under its own heading.
 */
function GrowthSection() {
  const thisMonth = communityToday().slice(0, 7);
  const [from, setFrom] = useState(addMonths(thisMonth, -11));
  const [to, setTo] = useState(thisMonth);
  const [shown, setShown] = useState({ from: addMonths(thisMonth, -11), to: thisMonth });
  const growth = useLoad(
    (signal) => get<GrowthReport>(`/reports/growth${query(shown)}`, { signal }),
    [shown.from, shown.to],
  );
  const months = growth.data?.months ?? [];
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <div class="report-growth" data-testid="growth">
      <h3>{L('志愿者人数变化', 'Volunteer growth')}</h3>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown({ from, to });
        }}
      >
        <Field label={L('开始月份', 'First month')}>
          <input type="month" value={from} onInput={(e) => setFrom(inputValue(e))} />
        </Field>
        <Field label={L('结束月份', 'Last month')}>
          <input type="month" value={to} onInput={(e) => setTo(inputValue(e))} />
        </Field>
        <button type="submit" class="btn btn-secondary">
          {L('查看', 'Show')}
        </button>
      </form>
      <ErrorMsg error={growth.error} ctx={{ subject: 'report' }} />
      {growth.loading && !growth.data ? <Loading /> : null}
      {first && last ? (
        <>
          <p data-testid="growth-headline">
            {L(
              `登记志愿者从 ${first.registered} 人到 ${last.registered} 人（${first.month} 至 ${last.month}）`,
              `Registered volunteers: ${first.registered} to ${last.registered} (${first.month} to ${last.month})`,
            )}
          </p>
          <LineChart
            testId="chart-growth"
            title={L('每月登记和活跃的志愿者', 'Registered and active volunteers by month')}
            series={[
              { name: L('登记志愿者（月末）', 'registered (month end)'), cls: 's-registered' },
              { name: L('活跃志愿者（有服务记录）', 'active (served)'), cls: 's-active' },
            ]}
            points={months.map((m) => ({ label: m.month, values: [m.registered, m.active] }))}
            axisLabel={(month, i) => [
              monthLabel(month),
              i === 0 || month.endsWith('-01')
                ? L(`${month.slice(0, 4)}年`, month.slice(0, 4))
                : '',
            ]}
          />
          <details data-testid="growth-table">
            <summary>{L('每月明细（新加入、停用）', 'Month by month (joined, left)')}</summary>
            <div class="table-wrap">
              <table class="table table-cards">
                <caption>{L('每月明细', 'Month by month')}</caption>
                <thead>
                  <tr>
                    <th>{L('月份', 'Month')}</th>
                    <th class="num">{L('登记', 'Registered')}</th>
                    <th class="num">{L('活跃', 'Active')}</th>
                    <th class="num">{L('新加入', 'Joined')}</th>
                    <th class="num">{L('停用', 'Left')}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <td data-label={L('月份', 'Month')}>{m.month}</td>
                      <td data-label={L('登记', 'Registered')} class="num">
                        {m.registered}
                      </td>
                      <td data-label={L('活跃', 'Active')} class="num">
                        {m.active}
                      </td>
                      <td data-label={L('新加入', 'Joined')} class="num">
                        {m.joined}
                      </td>
                      <td data-label={L('停用', 'Left')} class="num">
                        {m.left}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
    </div>
  );
}

function YearSection(props: { year: string }) {
  const report = useLoad(
    (signal) => get<AnnualReport>(`/reports/year/${props.year}`, { signal }),
    [props.year],
  );
  return (
    <>
      <ErrorMsg error={report.error} ctx={{ subject: 'report' }} />
      {report.loading && !report.data ? <Loading /> : null}
      {report.data ? <YearBody key={props.year} report={report.data} /> : null}
    </>
  );
}

export function ReportSection() {
  const now = openingQuarter(communityToday());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const [view, setView] = useState<'quarter' | 'year'>('quarter');
  const [shown, setShown] = useState({
    view: 'quarter' as 'quarter' | 'year',
    year: String(now.year),
    quarter: String(now.quarter),
  });
  const report = useLoad(
    (signal) =>
      shown.view === 'quarter'
        ? get<QuarterReport>(`/reports/quarter/${shown.year}/${shown.quarter}`, { signal })
        : Promise.resolve(null),
    [shown.view, shown.year, shown.quarter],
  );
  const csv = useAction();
  const csvPath =
    shown.view === 'quarter'
      ? `/reports/quarter/${shown.year}/${shown.quarter}?format=csv&lang=zh`
      : `/reports/year/${shown.year}?format=csv&lang=zh`;
  const csvName =
    shown.view === 'quarter'
      ? `passbook-report-${shown.year}-Q${shown.quarter}.csv`
      : `passbook-report-${shown.year}.csv`;
  return (
    <Section
      title={
        shown.view === 'quarter'
          ? L(
              `季度报表：${shown.year}年第${shown.quarter}季度`,
              `Quarterly report: ${shown.year} Q${shown.quarter}`,
            )
          : L(`年度报表：${shown.year}年`, `Annual report: ${shown.year}`)
      }
    >
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}$/.test(year)) {
            setShown({ view, year, quarter });
          }
        }}
      >
        <Field label={L('报表', 'Report')}>
          <select
            data-testid="report-view"
            value={view}
            onChange={(e) => setView(inputValue(e) === 'year' ? 'year' : 'quarter')}
          >
            <option value="quarter">{L('季度报表', 'Quarterly')}</option>
            <option value="year">{L('年度报表', 'Annual')}</option>
          </select>
        </Field>
        <Field label={L('年份', 'Year')}>
          <input
            value={year}
            inputMode="numeric"
            maxLength={4}
            onInput={(e) => setYear(inputValue(e))}
          />
        </Field>
        {view === 'quarter' ? (
          <Field label={L('季度', 'Quarter')}>
            <select value={quarter} onChange={(e) => setQuarter(inputValue(e))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={String(q)}>
                  {L(`第${q}季度`, `Q${q}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <button type="submit" class="btn btn-secondary">
          {L('查看', 'Show')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={csv.busy}
          onClick={() => void csv.run(() => download(csvPath, csvName))}
        >
          {L('下载 CSV', 'Download CSV')}
        </button>
      </form>
      <ErrorMsg error={csv.error ?? report.error} ctx={{ subject: 'report' }} />
      {report.loading && !report.data ? <Loading /> : null}
      {shown.view === 'quarter' && report.data ? (
        <QuarterBody key={`${shown.year}-${shown.quarter}`} report={report.data} />
      ) : null}
      {shown.view === 'year' ? <YearSection year={shown.year} /> : null}
      <GrowthSection />
    </Section>
  );
}
