import { useState } from 'preact/hooks';
import { enc, get } from '../api';
import { community } from '../community';
import { formatDate, noticePeriodText, todayLocal } from '../format';
import { L } from '../i18n';
import { navigate } from '../router';
import type { PublicRating } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Loading,
  Stars,
  Unbroken,
  useLoad,
} from '../ui/components';

/** `?community=<code>` of the notice's address: which community's notice (none: the first). */
function communityCode(): string | null {
  const code = new URLSearchParams(location.search).get('community');
  return code && code.trim() ? code.trim() : null;
}

/**
 * The public notice (公示) of a published star rating: masked names and stars, for anyone. With
 * `?community=<code>` it is that community's, under its own name and issuer.
 */
/** The notice's state, period, how to object and any restatement (older services send none). */
function NoticeMeta(props: { notice: PublicRating }) {
  const n = props.notice;
  const final = n.status === 'final';
  return (
    <section class="card notice-meta" data-testid="notice-meta">
      <p>
        <span class={`tag tag-${final ? 'final' : 'open'}`} data-testid="notice-state">
          {final ? L('已公布', 'Final') : L('公示中', 'On notice')}
        </span>{' '}
        {n.restated ? (
          <span class="tag tag-restated" data-testid="notice-restated">
            {L(
              `已更正（${formatDate(n.restated.lastAt)}）`,
              `Corrected (${formatDate(n.restated.lastAt)})`,
            )}
          </span>
        ) : null}
      </p>
      {n.notice ? (
        <p data-testid="notice-period">
          <Unbroken
            text={L(
              `公示期：${noticePeriodText(n.notice)}`,
              `Notice period: ${noticePeriodText(n.notice)}`,
            )}
          />
        </p>
      ) : null}
      {final && n.finalizedAt ? (
        <p>
          {L(`正式公布：${formatDate(n.finalizedAt)}`, `Final since ${formatDate(n.finalizedAt)}`)}
        </p>
      ) : null}
      {n.objections?.open ? (
        <p data-testid="notice-how-to-object">
          {L(
            '对公示结果有异议的志愿者，请在公示期内登录本人存折页面提出：',
            'Volunteers who disagree can object during the period on their own page: ',
          )}
          <Link href={n.objections.page}>{L('登录提出异议', 'Log in to object')}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function NoticePage(props: { year?: string }) {
  const fallback = String(Number(todayLocal().slice(0, 4)) - 1);
  const year = props.year && /^\d{4}$/.test(props.year) ? props.year : fallback;
  const code = communityCode();
  const suffix = code ? `?community=${enc(code)}` : '';
  const [typed, setTyped] = useState(year);
  const loaded = useLoad(
    (signal) =>
      get<PublicRating>(`/public/star-ratings/${enc(year)}${suffix}`, { signal, anonymous: true }),
    [year, suffix],
  );
  // The notice names its community; until it loads (or from an older service), the pages' own.
  const c = loaded.data?.community ?? (code ? { name: null, issuer: null } : community());
  const issuer =
    c.issuer ?? (c.name ? `${c.name}志愿服务站` : L('志愿服务站', 'Volunteer service station'));
  const byStars = [5, 4, 3, 2, 1].map((s) => ({
    stars: s,
    people: (loaded.data?.ratings ?? []).filter((r) => r.stars === s),
  }));
  return (
    <main class="page" data-testid="notice-page">
      <h1>
        {c.name ? <span data-testid="notice-community">{c.name} </span> : null}
        {L(`${year} 年度志愿者评星公示`, `${year} volunteer star rating notice`)}
      </h1>
      <form
        class="inline-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}$/.test(typed)) {
            navigate(`/notice/${typed}${suffix}`);
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
      {loaded.error ? <ErrorMsg error={loaded.error} ctx={{ subject: 'rating' }} /> : null}
      {loaded.data ? <NoticeMeta notice={loaded.data} /> : null}
      {!loaded.data && !loaded.error ? <Loading /> : null}
      {loaded.data
        ? byStars
            .filter((g) => g.people.length > 0)
            .map((g) => (
              <section class="card" key={g.stars}>
                <h2>
                  <Stars stars={g.stars} />{' '}
                  <Unbroken
                    text={L(
                      `${g.stars} 星志愿者（${g.people.length} 人）`,
                      `${g.stars}-star volunteers (${g.people.length})`,
                    )}
                  />
                </h2>
                <p class="notice-names">{g.people.map((p) => p.name).join('　')}</p>
              </section>
            ))
        : null}
      {loaded.data ? (
        <footer class="notice-sign" data-testid="notice-sign">
          <p>
            {loaded.data.status === 'final'
              ? L('特此公布。', 'Hereby announced.')
              : L('特此公示。', 'Published for public notice.')}
          </p>
          <p>{issuer}</p>
          {loaded.data.publishedAt ? (
            <p>
              {L(
                `发布日期：${formatDate(loaded.data.publishedAt)}`,
                `Published ${formatDate(loaded.data.publishedAt)}`,
              )}
            </p>
          ) : null}
        </footer>
      ) : null}
    </main>
  );
}
