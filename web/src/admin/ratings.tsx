import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { formatDateTime, scalarText, todayLocal } from '../format';
import { L } from '../i18n';
import { navigate } from '../router';
import type { RatingRun } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Loading,
  Msg,
  Section,
  Stars,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';

function thresholdsText(thresholds: unknown): string | null {
  if (Array.isArray(thresholds)) {
    return thresholds
      .map((t: unknown, i) => {
        const o = t && typeof t === 'object' ? (t as { stars?: unknown; points?: unknown }) : {};
        return o.points !== undefined
          ? L(
              `${scalarText(o.stars)}星 ≥ ${scalarText(o.points)} 分`,
              `${scalarText(o.stars)}★ ≥ ${scalarText(o.points)}`,
            )
          : `${i + 1}★ ≥ ${scalarText(t)}`;
      })
      .join(L('，', ', '));
  }
  if (thresholds && typeof thresholds === 'object') {
    return Object.entries(thresholds as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${scalarText(v)}`)
      .join('，');
  }
  return null;
}

export function RatingsSection(props: { year?: string }) {
  const year =
    props.year && /^\d{4}$/.test(props.year)
      ? props.year
      : String(Number(todayLocal().slice(0, 4)) - 1);
  const [typed, setTyped] = useState(year);
  const loaded = useLoad(
    (signal) =>
      get<RatingRun>(`/star-ratings/${year}`, { signal }).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          return null;
        }
        throw err;
      }),
    [year],
  );
  const action = useAction();
  const run = loaded.data;
  const counts = [5, 4, 3, 2, 1, 0].map((s) => ({
    s,
    n: (run?.ratings ?? []).filter((r) => r.stars === s).length,
  }));
  const limits = run ? thresholdsText(run.thresholds) : null;
  return (
    <>
      <Section title={L('年度评星', 'Year-end star rating')}>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{4}$/.test(typed)) {
              navigate(`/admin/ratings/${typed}`);
            }
          }}
        >
          <Field label={L('年份', 'Year')}>
            <input
              value={typed}
              inputMode="numeric"
              maxLength={4}
              onInput={(e) => setTyped(inputValue(e))}
            />
          </Field>
          <button type="submit" class="btn btn-secondary">
            {L('查看', 'Show')}
          </button>
        </form>
        <p class="muted">
          {L(
            '星级按当年服务获得的积分计算；兑换、捐赠不会降低星级。公示后该年度不能再记录服务。',
            'Stars come from points earned in the year; redeeming or giving never lowers them. Publishing closes the year.',
          )}
        </p>
        {loaded.error ? <ErrorMsg error={loaded.error} ctx={{ subject: 'rating' }} /> : null}
        {loaded.loading && loaded.data === undefined ? <Loading /> : null}
        {loaded.data === null ? (
          <Msg kind="info">
            {L(`${year} 年还没有计算评星。`, `No rating computed for ${year} yet.`)}
          </Msg>
        ) : null}
        {run ? (
          <Msg kind={run.status === 'published' ? 'ok' : 'info'} testId="rating-status">
            {run.status === 'published' ? (
              <Unbroken
                text={L(
                  `${run.year} 年评星已公示${run.publishedAt ? `（${formatDateTime(run.publishedAt)}）` : ''}。`,
                  `${run.year} rating published${run.publishedAt ? ` (${formatDateTime(run.publishedAt)})` : ''}.`,
                )}
              />
            ) : (
              L(
                `${run.year} 年评星是草稿，核对无误后再公示。`,
                `${run.year} rating is a draft: review it, then publish.`,
              )
            )}{' '}
            {run.status === 'published' ? (
              <Link href={`/notice/${run.year}`}>{L('查看公示页', 'Open the public notice')}</Link>
            ) : null}
          </Msg>
        ) : null}
        <ErrorMsg error={action.error} ctx={{ subject: 'rating' }} />
        <div class="row">
          {run?.status !== 'published' ? (
            <button
              type="button"
              class="btn btn-secondary"
              disabled={action.busy}
              data-testid="run-rating"
              onClick={() =>
                void action.run(async () => {
                  loaded.setData(await post<RatingRun>(`/star-ratings/${year}/run`));
                })
              }
            >
              {run ? L('重新计算草稿', 'Recompute draft') : L('计算评星（草稿）', 'Compute draft')}
            </button>
          ) : null}
          {run && run.status === 'draft' ? (
            <button
              type="button"
              class="btn btn-primary"
              disabled={action.busy}
              data-testid="publish-rating"
              onClick={() => {
                if (
                  confirm(
                    L(
                      `公示 ${year} 年评星？公示后该年度将结账，不能再记录服务。`,
                      `Publish the ${year} rating? The year closes to new service records.`,
                    ),
                  )
                ) {
                  void action.run(async () => {
                    loaded.setData(await post<RatingRun>(`/star-ratings/${year}/publish`));
                  });
                }
              }}
            >
              {L('公示', 'Publish')}
            </button>
          ) : null}
        </div>
      </Section>
      {run ? (
        <Section
          title={L(
            `${run.year} 年评星结果（${run.ratings.length} 人）`,
            `${run.year} results (${run.ratings.length})`,
          )}
        >
          {limits ? (
            <p class="muted">
              <Unbroken text={L(`标准：${limits}`, `Thresholds: ${limits}`)} />
            </p>
          ) : null}
          <p>
            {counts
              .filter((c) => c.n > 0)
              .map((c) =>
                c.s === 0
                  ? L(`未评星 ${c.n} 人`, `no star: ${c.n}`)
                  : L(`${c.s}星 ${c.n} 人`, `${c.s}★: ${c.n}`),
              )
              .join('；')}
          </p>
          <div class="table-wrap">
            <table class="table table-cards" data-testid="ratings-table">
              <thead>
                <tr>
                  <th>{L('姓名', 'Name')}</th>
                  <th>{L('存折号', 'Passbook')}</th>
                  <th class="num">{L('当年获得积分', 'Earned')}</th>
                  <th>{L('星级', 'Stars')}</th>
                </tr>
              </thead>
              <tbody>
                {[...run.ratings]
                  .sort((a, b) => b.stars - a.stars || toNum(b.earned) - toNum(a.earned))
                  .map((r) => (
                    <tr key={r.memberId}>
                      <td data-label={L('姓名', 'Name')}>{r.name}</td>
                      <td data-label={L('存折号', 'Passbook')} class="mono">
                        {r.passbookNo}
                      </td>
                      <td data-label={L('当年积分', 'Earned')} class="num">
                        {r.earned}
                      </td>
                      <td data-label={L('星级', 'Stars')}>
                        <Stars stars={r.stars} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
    </>
  );
}

/** Sorting only: "12.50" -> 1250 (hundredths, no float). */
function toNum(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}
