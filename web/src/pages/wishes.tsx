/**
 * Wishes (微心愿): the wall on the volunteer's page (claim, release), the clerk's and admin's form
 * to post one for a household and confirm it fulfilled, and the public wall at /wishes.
 */
import type { components } from '../api-schema';
import { useState } from 'preact/hooks';
import { enc, get, getAll, post, Submission } from '../api';
import { hardshipLabel } from '../format';
import { L } from '../i18n';
import { TEXT_MAX } from '../limits';
import type { HouseholdChoice } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Msg,
  Section,
  Unbroken,
  useAction,
  useLoad,
} from '../ui/components';

// The answers' types: the schemas generated into ../api-schema.ts.
export type Wish = components['schemas']['WishViewDto'];
type WishPage = components['schemas']['WishPageDto'];
type PublicWish = components['schemas']['PublicWishDto'];
export type WishCategory = Wish['category'];
export type WishStatus = Wish['status'];

const CATEGORIES: WishCategory[] = ['goods', 'transport', 'repair', 'company', 'other'];

export function categoryLabel(c: WishCategory): string {
  switch (c) {
    case 'goods':
      return L('物品', 'Goods');
    case 'transport':
      return L('出行', 'Transport');
    case 'repair':
      return L('维修', 'Repair');
    case 'company':
      return L('陪伴', 'Company');
    case 'other':
      return L('其他', 'Other');
  }
}

function statusLabel(s: WishStatus): string {
  switch (s) {
    case 'open':
      return L('待认领', 'Open');
    case 'claimed':
      return L('已认领', 'Claimed');
    case 'fulfilled':
      return L('已实现', 'Fulfilled');
  }
}

/** One wish as a card: what, for whom, by when, points, who claimed it. */
function WishCard(props: {
  title: string;
  detail: string | null;
  category: WishCategory;
  status: WishStatus;
  overdue?: boolean;
  name: string;
  neededBy: string;
  pointsNeeded: string | null;
  pointsGiven: string;
  claimedBy: string | null;
  children?: preact.ComponentChildren;
}) {
  return (
    <li class={`card wish wish-${props.status}`} data-testid="wish">
      <p class="wish-tags">
        <span class="tag">{categoryLabel(props.category)}</span>{' '}
        <span class={`tag tag-${props.status === 'fulfilled' ? 'final' : 'open'}`}>
          {statusLabel(props.status)}
        </span>{' '}
        {props.overdue ? (
          <span class="tag tag-restated" data-testid="wish-overdue">
            {L('已过期无人认领', 'Overdue, unclaimed')}
          </span>
        ) : null}
      </p>
      <h3 class="wish-title">{props.title}</h3>
      {props.detail ? <p class="muted">{props.detail}</p> : null}
      <p>
        <Unbroken
          text={L(
            `${props.name} · 希望在 ${props.neededBy} 前`,
            `${props.name} · by ${props.neededBy}`,
          )}
        />
      </p>
      {props.pointsNeeded ? (
        <p data-testid="wish-points">
          <Unbroken
            text={L(
              `需要 ${props.pointsNeeded} 分，已捐 ${props.pointsGiven} 分`,
              `Needs ${props.pointsNeeded} points, ${props.pointsGiven} given`,
            )}
          />
        </p>
      ) : null}
      {props.claimedBy ? (
        <p data-testid="wish-claim">
          {L(`认领：${props.claimedBy}`, `Claimed by ${props.claimedBy}`)}
        </p>
      ) : null}
      {props.children}
    </li>
  );
}

/** The wall on the volunteer's page: open wishes first, most urgent first; claim or release. */
export function WishWallSection() {
  const wall = useLoad((signal) => get<WishPage>('/wishes?limit=20', { signal }), []);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const act = (wish: Wish, what: 'claim' | 'release') =>
    void action.run(async () => {
      setDone(null);
      await post(`/me/wishes/${wish.id}/${what}`, {});
      setDone(
        what === 'claim'
          ? L(`您认领了「${wish.title}」，谢谢您！`, `You claimed "${wish.title}". Thank you!`)
          : L(`您放弃了「${wish.title}」的认领。`, `You released "${wish.title}".`),
      );
      wall.reload();
    });
  const items = (wall.data?.items ?? []).filter((w) => w.status !== 'fulfilled' || w.claim?.mine);
  return (
    <Section title={L('微心愿', 'Small wishes')} testId="wish-wall">
      <p class="muted">
        {L(
          '社区困难居民的小心愿，认领后去帮他们实现；工作人员确认后为您记录服务积分。',
          'Small wishes of residents in difficulty: claim one and make it happen; staff confirm it and your service is recorded.',
        )}
      </p>
      {done ? (
        <Msg kind="ok" testId="wish-done">
          {done}
        </Msg>
      ) : null}
      <ErrorMsg error={action.error} />
      {wall.error ? <ErrorMsg error={wall.error} /> : null}
      {!wall.data && !wall.error ? <Loading /> : null}
      {wall.data && items.length === 0 ? (
        <p class="muted">{L('现在没有待认领的心愿。', 'No wishes are waiting now.')}</p>
      ) : null}
      <ul class="wish-list">
        {items.map((w) => (
          <WishCard
            key={w.id}
            {...w}
            name={w.wisher.name}
            claimedBy={w.claim ? (w.claim.mine ? L('我', 'me') : w.claim.name) : null}
          >
            {w.status === 'open' ? (
              <button
                type="button"
                class="btn btn-primary btn-big"
                disabled={action.busy}
                onClick={() => act(w, 'claim')}
              >
                {L('我来认领', 'I’ll do it')}
              </button>
            ) : null}
            {w.status === 'claimed' && w.claim?.mine && w.claim.kind === 'member' ? (
              <button
                type="button"
                class="btn btn-secondary"
                disabled={action.busy}
                onClick={() => act(w, 'release')}
              >
                {L('放弃认领', 'Release')}
              </button>
            ) : null}
          </WishCard>
        ))}
      </ul>
    </Section>
  );
}

/** A clerk or admin posts a wish on a household's behalf. */
function PostWishForm(props: { onPosted: () => void }) {
  const households = useLoad((signal) => getAll<HouseholdChoice>('/households', signal), []);
  const [householdId, setHouseholdId] = useState('');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [category, setCategory] = useState<WishCategory>('goods');
  const [neededBy, setNeededBy] = useState('');
  const [points, setPoints] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const ready = householdId !== '' && title.trim() !== '' && neededBy !== '';
  return (
    <form
      class="stack"
      data-testid="wish-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) {
          return;
        }
        void action.run(async () => {
          setDone(null);
          const wish = await post<Wish>('/wishes', {
            householdId: Number(householdId),
            title: title.trim(),
            ...(detail.trim() ? { detail: detail.trim() } : {}),
            category,
            neededBy,
            ...(points.trim() ? { points: points.trim() } : {}),
          });
          setDone(L(`已发布心愿「${wish.title}」。`, `Posted "${wish.title}".`));
          setTitle('');
          setDetail('');
          setPoints('');
          props.onPosted();
        });
      }}
    >
      {done ? (
        <Msg kind="ok" testId="wish-posted">
          {done}
        </Msg>
      ) : null}
      <ErrorMsg error={action.error ?? households.error} ctx={{ subject: 'household' }} />
      <Field label={L('为哪个家庭', 'For which household')}>
        <select
          name="householdId"
          value={householdId}
          onChange={(e) => setHouseholdId(inputValue(e))}
          required
        >
          <option value="">{L('请选择', 'Choose')}</option>
          {(households.data ?? []).map((h) => (
            <option key={h.id} value={String(h.id)}>
              {h.name}（{hardshipLabel(h.hardship)}）
            </option>
          ))}
        </select>
      </Field>
      <Field label={L('心愿', 'The wish')}>
        <input
          name="title"
          value={title}
          maxLength={TEXT_MAX.wishTitle}
          onInput={(e) => setTitle(inputValue(e))}
          required
        />
      </Field>
      <Field label={L('说明（可不填）', 'Detail (optional)')}>
        <textarea
          name="detail"
          value={detail}
          maxLength={TEXT_MAX.wishDetail}
          onInput={(e) => setDetail(inputValue(e))}
        />
      </Field>
      <Field label={L('类别', 'Category')}>
        <select
          name="category"
          value={category}
          onChange={(e) => setCategory(inputValue(e) as WishCategory)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={L('希望在哪天前', 'Wished by')}>
        <input
          name="neededBy"
          type="date"
          value={neededBy}
          onInput={(e) => setNeededBy(inputValue(e))}
          required
        />
      </Field>
      <Field
        label={L('需要积分（可不填）', 'Points needed (optional)')}
        hint={L('要从公益坊兑换物品时填写', 'When goods from the shop are needed')}
      >
        <input
          name="points"
          inputMode="decimal"
          value={points}
          onInput={(e) => setPoints(inputValue(e))}
        />
      </Field>
      <button type="submit" class="btn btn-primary" disabled={!ready || action.busy}>
        {action.busy ? L('正在发布…', 'Posting…') : L('发布心愿', 'Post the wish')}
      </button>
    </form>
  );
}

/** Staff confirm a claimed wish fulfilled (a volunteer's claim: the claimer is credited). */
function FulfilButton(props: { wish: Wish; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [submission] = useState(() => new Submission());
  const action = useAction();
  if (props.wish.claim?.kind === 'team') {
    return (
      <p class="muted small">
        {L(
          '服务队认领的心愿，确认时要写明参与的队员：这个页面还不能选队员，请由管理员通过接口确认。',
          'A team claim is confirmed with its members named; this page cannot name them yet, so an admin confirms it through the API.',
        )}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="btn btn-secondary" onClick={() => setOpen(true)}>
        {L('确认已实现', 'Confirm fulfilled')}
      </button>
    );
  }
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          await submission.send('POST', `/wishes/${props.wish.id}/fulfil`, { note: note.trim() });
          props.onDone();
        });
      }}
    >
      <ErrorMsg error={action.error} />
      <Field label={L('看到的情况', 'What you saw done')}>
        <input
          name="note"
          value={note}
          maxLength={TEXT_MAX.note}
          onInput={(e) => setNote(inputValue(e))}
          required
        />
      </Field>
      <button type="submit" class="btn btn-primary" disabled={!note.trim() || action.busy}>
        {L('确认', 'Confirm')}
      </button>
    </form>
  );
}

/** The clerk's and admin's wishes: post one for a household, see the wall, confirm fulfilment. */
export function StaffWishesSection() {
  const wall = useLoad((signal) => get<WishPage>('/wishes?limit=50', { signal }), []);
  return (
    <Section title={L('微心愿', 'Small wishes')} testId="staff-wishes" class="wish-section">
      {wall.data && wall.data.overdueCount > 0 ? (
        <Msg kind="warn" testId="wish-overdue-count">
          {L(
            `有 ${wall.data.overdueCount} 个心愿已过期仍无人认领，请联系志愿者。`,
            `${wall.data.overdueCount} wishes passed their date with nobody claiming them.`,
          )}
        </Msg>
      ) : null}
      <details class="wish-post">
        <summary>{L('为困难家庭发布心愿', 'Post a wish for a household')}</summary>
        <PostWishForm onPosted={wall.reload} />
      </details>
      {wall.error ? <ErrorMsg error={wall.error} /> : null}
      {!wall.data && !wall.error ? <Loading /> : null}
      <ul class="wish-list">
        {(wall.data?.items ?? []).map((w) => (
          <WishCard key={w.id} {...w} name={w.wisher.name} claimedBy={w.claim?.name ?? null}>
            {w.status === 'claimed' ? <FulfilButton wish={w} onDone={wall.reload} /> : null}
          </WishCard>
        ))}
      </ul>
    </Section>
  );
}

/** `/wishes`: the public wall, for anyone (masked names, no ids of people). */
export function PublicWishesPage() {
  const code = new URLSearchParams(location.search).get('community')?.trim();
  const suffix = code ? `?community=${enc(code)}` : '';
  const loaded = useLoad(
    (signal) =>
      get<{ community: { code: string; name: string | null }; items: PublicWish[] }>(
        `/public/wishes${suffix}`,
        { signal, anonymous: true },
      ),
    [suffix],
  );
  return (
    <main class="page page-phone" data-testid="public-wishes">
      <h1>
        {loaded.data?.community.name ? `${loaded.data.community.name} ` : ''}
        {L('微心愿', 'Small wishes')}
      </h1>
      <p class="muted">
        {L(
          '社区困难居民的小心愿，由志愿者认领、帮助实现。想帮忙的志愿者，请登录后认领。',
          'Small wishes of residents in difficulty, claimed and fulfilled by volunteers. Volunteers: log in to claim one.',
        )}
      </p>
      {loaded.error ? <ErrorMsg error={loaded.error} /> : null}
      {!loaded.data && !loaded.error ? <Loading /> : null}
      <ul class="wish-list">
        {(loaded.data?.items ?? []).map((w) => (
          <WishCard key={w.id} {...w} />
        ))}
      </ul>
    </main>
  );
}
