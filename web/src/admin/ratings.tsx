import { ApiError, get, itemsOf, post } from '../api';
import {
  formatDateTime,
  noticePeriodText,
  objectionStatusLabel,
  scalarText,
  todayLocal,
} from '../format';
import { L } from '../i18n';
import { navigate } from '../router';
import type { Objection, RatingRun } from '../types';
import {
  ErrorMsg,
  Link,
  Msg,
  Section,
  Stars,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';
import { ActionButton, Fields, Form, FormMessages, useForm } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List, Loaded } from '../ui/list';

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
  const find = useForm({ typed: year });
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
        <Form
          form={find}
          inline
          fields={[{ key: 'typed', inputMode: 'numeric', maxLength: 4, label: L('年份', 'Year') }]}
          submit={L('查看', 'Show')}
          submitClass="btn-secondary"
          onSubmit={async ({ typed }) => {
            if (/^\d{4}$/.test(typed)) {
              navigate(`/admin/ratings/${typed}`);
            }
          }}
        />
        <p class="muted">
          {L(
            '星级按当年服务获得的积分计算；兑换、捐赠不会降低星级。公示后该年度不能再记录服务；公示期内志愿者可以提出异议，期满且异议都答复后才能正式公布。',
            'Stars come from points earned in the year; redeeming or giving never lowers them. Publishing closes the year and opens the notice period for objections; finalize after it ends and every objection is answered.',
          )}
        </p>
        <Loaded load={loaded} ctx={{ subject: 'rating' }}>
          {(run) =>
            run === null ? (
              <Msg kind="info">
                {L(`${year} 年还没有计算评星。`, `No rating computed for ${year} yet.`)}
              </Msg>
            ) : (
              <RunStatus run={run} />
            )
          }
        </Loaded>
        <ErrorMsg error={action.error} ctx={{ subject: 'rating' }} />
        <div class="row">
          {run === undefined || run === null || run.status === 'draft' ? (
            <ActionButton
              action={action}
              class="btn btn-secondary"
              testId="run-rating"
              onClick={async () =>
                loaded.setData(await post<RatingRun>(`/star-ratings/${year}/run`))
              }
            >
              {run ? L('重新计算草稿', 'Recompute draft') : L('计算评星（草稿）', 'Compute draft')}
            </ActionButton>
          ) : null}
          {run && run.status === 'draft' ? (
            <ActionButton
              action={action}
              class="btn btn-primary"
              testId="publish-rating"
              confirm={L(
                `公示 ${year} 年评星？公示后该年度将结账，不能再记录服务。`,
                `Publish the ${year} rating? The year closes to new service records.`,
              )}
              onClick={async () =>
                loaded.setData(await post<RatingRun>(`/star-ratings/${year}/publish`))
              }
            >
              {L('公示', 'Publish')}
            </ActionButton>
          ) : null}
          {run && run.status === 'published' ? (
            <ActionButton
              action={action}
              class="btn btn-primary"
              testId="finalize-rating"
              confirm={L(
                `正式公布 ${year} 年评星？公布后星级即生效。`,
                `Finalize the ${year} rating? The stars are then granted.`,
              )}
              onClick={async () =>
                loaded.setData(await post<RatingRun>(`/star-ratings/${year}/finalize`))
              }
            >
              {L('正式公布', 'Finalize')}
            </ActionButton>
          ) : null}
        </div>
      </Section>
      {run && run.status !== 'draft' ? (
        <ObjectionsSection year={run.year} onResolved={loaded.reload} />
      ) : null}
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

/** Where the year's rating stands (draft, on notice, final), with the link to the public notice. */
function RunStatus(props: { run: RatingRun }) {
  const { run } = props;
  return (
    <Msg kind={run.status === 'draft' ? 'info' : 'ok'} testId="rating-status">
      {run.status === 'final' ? (
        <Unbroken
          text={L(
            `${run.year} 年评星已正式公布${run.finalizedAt ? `（${formatDateTime(run.finalizedAt)}）` : ''}。${run.restated ? `之后更正 ${run.restated.count} 次。` : ''}`,
            `${run.year} rating is final${run.finalizedAt ? ` (${formatDateTime(run.finalizedAt)})` : ''}.${run.restated ? ` Corrected ${run.restated.count} time(s) since.` : ''}`,
          )}
        />
      ) : run.status === 'published' ? (
        <Unbroken
          text={L(
            `${run.year} 年评星已公示${run.notice ? `，公示期 ${noticePeriodText(run.notice)}` : ''}。`,
            `${run.year} rating on notice${run.notice ? `: ${noticePeriodText(run.notice)}` : ''}.`,
          )}
        />
      ) : (
        L(
          `${run.year} 年评星是草稿，核对无误后再公示。`,
          `${run.year} rating is a draft: review it, then publish.`,
        )
      )}{' '}
      {run.status !== 'draft' ? (
        <Link href={`/notice/${run.year}`}>{L('查看公示页', 'Open the public notice')}</Link>
      ) : null}
    </Msg>
  );
}

/** Sorting only: "12.50" -> 1250 (hundredths, no float). */
function toNum(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** The objections to a published rating, newest first, each answered once (accepted or not). */
function ObjectionsSection(props: { year: number; onResolved: () => void }) {
  const list = useLoad(
    (signal) =>
      get<unknown>(`/star-ratings/${props.year}/objections?limit=200`, { signal }).then((b) =>
        itemsOf<Objection>(b),
      ),
    [props.year],
  );
  const items = list.data ?? [];
  const open = items.filter((o) => o.status === 'open').length;
  return (
    <Section
      title={L(
        `异议（${items.length} 条，待答复 ${open} 条）`,
        `Objections (${items.length}, ${open} awaiting an answer)`,
      )}
      testId="rating-objections"
    >
      <p class="muted">
        {L(
          '采纳前请先把更正记入账目（补录服务或冲正），并在请求中注明这条异议；答复采纳后会重新计算评星，公示期按规则重新开始或延长。',
          'Before accepting, post the correction (a service record or a reversal) naming this objection; accepting recomputes the rating and restarts or extends the notice.',
        )}
      </p>
      <List load={list}>
        {(objections) => (
          <>
            {objections.length === 0 ? (
              <Msg kind="info">{L('还没有人提出异议。', 'No objections yet.')}</Msg>
            ) : null}
            <ul class="objection-list" data-testid="admin-objections">
              {objections.map((o) => (
                <ObjectionItem
                  key={o.id}
                  year={props.year}
                  objection={o}
                  onResolved={() => {
                    list.reload();
                    props.onResolved();
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </List>
    </Section>
  );
}

function ObjectionItem(props: { year: number; objection: Objection; onResolved: () => void }) {
  const o = props.objection;
  const form = useForm({ reply: '' });
  const reply = form.values.reply;
  const resolve = (decision: 'accepted' | 'rejected') => async () => {
    await post(`/star-ratings/${props.year}/objections/${o.id}/resolve`, {
      decision,
      reply: reply.trim(),
    });
    props.onResolved();
  };
  return (
    <li class="card objection" data-testid="admin-objection">
      <p>
        <strong>
          {o.member.name}（{o.member.passbookNo}）
        </strong>{' '}
        {o.about === 'self'
          ? L('对本人的评星', 'about their own rating')
          : L(
              `对 ${o.aboutMember.name}（${o.aboutMember.passbookNo}）的评星`,
              `about ${o.aboutMember.name} (${o.aboutMember.passbookNo})`,
            )}{' '}
        <span class={`tag tag-${o.status}`}>{objectionStatusLabel(o.status)}</span>
      </p>
      <p>
        {L(
          `异议编号 ${o.id}，${formatDateTime(o.createdAt)}：`,
          `No. ${o.id}, ${formatDateTime(o.createdAt)}: `,
        )}
        {o.reason}
      </p>
      {o.status === 'open' ? (
        <div class="stack">
          <Fields
            form={form}
            fields={[
              {
                key: 'reply',
                textarea: true,
                rows: 2,
                maxLength: TEXT_MAX.objection,
                testId: 'objection-reply-input',
                label: L('答复', 'Reply'),
              },
            ]}
          />
          <FormMessages form={form} ctx={{ subject: 'rating' }} />
          <div class="row">
            <ActionButton
              action={form}
              class="btn btn-primary"
              disabled={!reply.trim()}
              testId="accept-objection"
              onClick={resolve('accepted')}
            >
              {L('采纳', 'Accept')}
            </ActionButton>
            <ActionButton
              action={form}
              class="btn btn-secondary"
              disabled={!reply.trim()}
              testId="reject-objection"
              onClick={resolve('rejected')}
            >
              {L('不采纳', 'Reject')}
            </ActionButton>
          </div>
        </div>
      ) : (
        <p data-testid="admin-objection-reply">
          {L('答复：', 'Reply: ')}
          {o.reply}
          <span class="muted small">
            {o.resolvedAt ? ` · ${formatDateTime(o.resolvedAt)}` : ''}
          </span>
        </p>
      )}
    </li>
  );
}
