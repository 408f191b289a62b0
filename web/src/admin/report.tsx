import { useState } from 'preact/hooks';
import { download, get } from '../api';
import { scalarText } from '../format';
import { L } from '../i18n';
import { formatCents, toCents } from '../points';
import { BarList, GroupedBarChart, type Series } from '../ui/charts';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Section,
  useAction,
  useLoad,
} from '../ui/components';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** The first of the keys that holds a value (the report's field names, tolerating close variants). */
function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) {
    if (o[k] !== undefined && o[k] !== null) {
      return o[k];
    }
  }
  return undefined;
}

/** An amount, whether given as "12.50" or as {total: "12.50"} / {points: "12.50"}. */
function cents(v: unknown): number {
  if (typeof v === 'string' || typeof v === 'number') {
    return toCents(v) ?? 0;
  }
  const inner = pick(obj(v), 'total', 'points', 'amount');
  return typeof inner === 'string' || typeof inner === 'number' ? (toCents(inner) ?? 0) : 0;
}

function label(o: Json, ...keys: string[]): string {
  const v = pick(o, ...keys);
  return v === undefined ? '?' : scalarText(v);
}

export function quarterOf(date: Date): { year: number; quarter: number } {
  return { year: date.getFullYear(), quarter: Math.floor(date.getMonth() / 3) + 1 };
}

export function ReportSection() {
  const now = quarterOf(new Date());
  const [year, setYear] = useState(String(now.year));
  const [quarter, setQuarter] = useState(String(now.quarter));
  const [shown, setShown] = useState({ year: String(now.year), quarter: String(now.quarter) });
  const report = useLoad(
    (signal) => get<Json>(`/reports/quarter/${shown.year}/${shown.quarter}`, { signal }),
    [shown.year, shown.quarter],
  );
  const csv = useAction();
  const r = report.data ?? {};
  const earned = obj(pick(r, 'earned', 'pointsEarned'));
  const series: Series[] = [
    { name: L('服务获得', 'earned'), cls: 's-earned' },
    { name: L('兑换', 'redeemed'), cls: 's-redeemed' },
    { name: L('捐赠', 'donated'), cls: 's-donated' },
  ];
  const months = arr(pick(r, 'byMonth', 'months', 'monthly'));
  const categories = arr(pick(earned, 'byCategory') ?? pick(r, 'earnedByCategory', 'byCategory'));
  const teams = arr(pick(earned, 'byTeam') ?? pick(r, 'earnedByTeam', 'byTeam'));
  const stock = arr(pick(r, 'stockGivenOut', 'stock'));
  const tiles: { label: string; value: string }[] = [
    {
      label: L('服务获得积分', 'Points earned'),
      value: formatCents(cents(pick(r, 'earned', 'pointsEarned'))),
    },
    {
      label: L('兑换积分', 'Points redeemed'),
      value: formatCents(cents(pick(r, 'redeemed', 'pointsRedeemed'))),
    },
    {
      label: L('捐赠积分', 'Points donated'),
      value: formatCents(cents(pick(r, 'donated', 'pointsDonated'))),
    },
    {
      label: L('活跃志愿者', 'Active volunteers'),
      value: scalarText(pick(r, 'activeVolunteers', 'activeMembers') ?? '—'),
    },
    {
      label: L('新志愿者', 'New volunteers'),
      value: scalarText(pick(r, 'newVolunteers', 'newMembers') ?? '—'),
    },
    {
      label: L('未兑换积分（待兑付）', 'Outstanding points'),
      value: formatCents(cents(pick(r, 'outstanding', 'outstandingPoints'))),
    },
  ];
  return (
    <>
      <Section title={L('季度报表', 'Quarterly report')}>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setShown({ year, quarter });
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
                  `/reports/quarter/${shown.year}/${shown.quarter}?format=csv`,
                  `report-${shown.year}-Q${shown.quarter}.csv`,
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
          <dl class="tiles" data-testid="report-tiles">
            {tiles.map((t) => (
              <div key={t.label}>
                <dt>{t.label}</dt>
                <dd>{t.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </Section>
      {report.data ? (
        <Section
          title={L(
            `${shown.year}年第${shown.quarter}季度图表`,
            `Charts, ${shown.year} Q${shown.quarter}`,
          )}
        >
          <div class="charts">
            <GroupedBarChart
              testId="chart-months"
              title={L(
                '按月：获得、兑换、捐赠的积分',
                'By month: points earned, redeemed, donated',
              )}
              series={series}
              groups={months.map((m) => ({
                label: label(m, 'month', 'label'),
                values: [
                  cents(pick(m, 'earned')),
                  cents(pick(m, 'redeemed')),
                  cents(pick(m, 'donated')),
                ],
              }))}
            />
            <BarList
              testId="chart-categories"
              title={L('按类别：服务获得的积分', 'By category: points earned')}
              series={[series[0]]}
              rows={categories.map((c) => ({
                label: label(c, 'categoryName', 'name', 'categoryCode', 'code'),
                values: [cents(c)],
              }))}
            />
            <BarList
              title={L('按服务队：服务获得的积分', 'By team: points earned')}
              series={[series[0]]}
              rows={teams.map((t) => ({
                label: label(t, 'teamName', 'name', 'teamId'),
                values: [cents(t)],
              }))}
            />
          </div>
          {stock.length ? (
            <div class="table-wrap">
              <table class="table">
                <caption>{L('发出的物品和服务券', 'Goods and coupons given out')}</caption>
                <thead>
                  <tr>
                    <th>{L('物品', 'Item')}</th>
                    <th class="num">{L('数量', 'Quantity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stock.map((s, i) => (
                    <tr key={i}>
                      <td>{label(s, 'name', 'itemName', 'catalogItemId')}</td>
                      <td class="num">{label(s, 'quantity', 'given', 'count')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
