import { useState } from 'preact/hooks';
import { ApiError, enc, get, itemsOf, post } from '../api';
import { formatDateTime, noticePeriodText, objectionStatusLabel, todayLocal } from '../format';
import { L } from '../i18n';
import { TEXT_MAX } from '../limits';
import type { MyObjection, PublicRating } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Msg,
  Section,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';

/**
 * The volunteer's objections (异议) to last year's star rating: a form while its notice period
 * runs, and every objection filed with its state and the admin's reply.
 */
export function MyObjectionsSection() {
  const year = Number(todayLocal().slice(0, 4)) - 1;
  const notice = useLoad(
    async (signal) => {
      const mine = await get<{ community?: { code?: string } | null }>('/me/community', { signal });
      const code = mine.community?.code;
      return get<PublicRating>(
        `/public/star-ratings/${year}${code ? `?community=${enc(code)}` : ''}`,
        { signal, anonymous: true },
      ).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          return null;
        }
        throw err;
      });
    },
    [year],
  );
  const objections = useLoad(
    (signal) => get<unknown>('/me/objections', { signal }).then((b) => itemsOf<MyObjection>(b)),
    [],
  );
  const n = notice.data;
  const open = n?.objections?.open === true;
  const list = objections.data ?? [];
  if (!open && list.length === 0) {
    return null;
  }
  const nameOfRef = (ref: string) => n?.ratings.find((r) => r.ref === ref)?.name;
  return (
    <Section
      title={L(`${year} 年评星公示与异议`, `${year} rating notice and objections`)}
      testId="my-objections"
    >
      {n?.notice ? (
        <p>
          <Unbroken
            text={
              open
                ? L(
                    `公示期：${noticePeriodText(n.notice)}。对评星结果有异议，请在公示期内提出。`,
                    `Notice period: ${noticePeriodText(n.notice)}. Object during the period if something is wrong.`,
                  )
                : L(
                    `公示期：${noticePeriodText(n.notice)}（已结束）。`,
                    `Notice period: ${noticePeriodText(n.notice)} (over).`,
                  )
            }
          />{' '}
          <Link href={`/notice/${year}${n.community ? `?community=${enc(n.community.code)}` : ''}`}>
            {L('查看公示', 'See the notice')}
          </Link>
        </p>
      ) : null}
      {open && n ? <ObjectionForm notice={n} onDone={objections.reload} /> : null}
      <ErrorMsg error={objections.error} />
      {list.length > 0 ? (
        <ul class="objection-list" data-testid="objection-list">
          {list.map((o) => (
            <li class="card objection" key={o.id} data-testid="objection">
              <p>
                <strong>
                  {o.about === 'self'
                    ? L('关于我自己的评星', 'About my own rating')
                    : L(
                        `关于 ${nameOfRef(o.about) ?? '另一位志愿者'} 的评星`,
                        `About ${nameOfRef(o.about) ?? 'another volunteer'}'s rating`,
                      )}
                </strong>{' '}
                <span class={`tag tag-${o.status}`} data-testid="objection-status">
                  {objectionStatusLabel(o.status)}
                </span>
              </p>
              <p class="muted small">
                {L(
                  `${formatDateTime(o.createdAt)} 提出：`,
                  `Filed ${formatDateTime(o.createdAt)}: `,
                )}
                {o.reason}
              </p>
              {o.reply ? (
                <p data-testid="objection-reply">
                  {L('答复：', 'Answer: ')}
                  {o.reply}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function ObjectionForm(props: { notice: PublicRating; onDone: () => void }) {
  const [about, setAbout] = useState('self');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  const others = props.notice.ratings.filter((r) => r.ref);
  return (
    <form
      class="stack"
      data-testid="objection-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          return;
        }
        void action.run(async () => {
          await post('/me/objections', { year: props.notice.year, about, reason: reason.trim() });
          setReason('');
          setSent(true);
          props.onDone();
        });
      }}
    >
      <Field label={L('对谁的评星有异议', 'Whose rating')}>
        <select
          value={about}
          onChange={(e) => setAbout(inputValue(e))}
          data-testid="objection-about"
        >
          <option value="self">{L('我自己的', 'My own')}</option>
          {others.map((r) => (
            <option value={r.ref} key={r.ref}>
              {`${r.name} ${'★'.repeat(r.stars)}`}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={L('异议内容', 'What is wrong')}
        hint={L(`最多 ${TEXT_MAX.objection} 字`, `At most ${TEXT_MAX.objection} characters`)}
      >
        <textarea
          value={reason}
          maxLength={TEXT_MAX.objection}
          rows={3}
          data-testid="objection-reason"
          onInput={(e) => {
            setReason(inputValue(e));
            setSent(false);
          }}
        />
      </Field>
      <ErrorMsg error={action.error} ctx={{ subject: 'rating' }} />
      {sent ? (
        <Msg kind="ok" testId="objection-sent">
          {L('异议已提交，社区会在公示期内答复。', 'Sent. The community will answer it.')}
        </Msg>
      ) : null}
      <button
        type="submit"
        class="btn btn-primary"
        disabled={action.busy || !reason.trim()}
        data-testid="objection-submit"
      >
        {L('提出异议', 'Object')}
      </button>
    </form>
  );
}
