import { useState } from 'preact/hooks';
import { enc, get, getAll, query, Submission } from '../api';
import { formatHours, hardshipLabel } from '../format';
import { L } from '../i18n';
import { cleanPassbookNo } from '../passbook-no';
import { formatCents, toCents } from '../points';
import { navigate } from '../router';
import type { HouseholdChoice, Passbook, StatementEntry } from '../types';
import {
  ErrorMsg,
  Field,
  inputValue,
  Link,
  Loading,
  Msg,
  Section,
  useAction,
  useLoad,
} from '../ui/components';
import { MoreButton, StatementList } from '../ui/passbook';
import { TEXT_MAX } from '../limits';

function ReverseEntry(props: { entry: StatementEntry; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [objectionId, setObjectionId] = useState('');
  const [submission] = useState(() => new Submission());
  const action = useAction();
  // A reversal is not reversed again, an entry only once, and a redemption is cancelled at the counter.
  if (props.entry.kind === 'reversal' || props.entry.reversedBy || props.entry.kind === 'redeem') {
    return null;
  }
  if (!open) {
    return (
      <button
        type="button"
        class="btn-link"
        onClick={() => setOpen(true)}
        data-testid={`reverse-${props.entry.seq}`}
      >
        {L('冲正', 'Reverse')}
      </button>
    );
  }
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          return;
        }
        void action.run(async () => {
          await submission.send(
            'POST',
            `/ledger/transactions/${enc(props.entry.transactionId)}/reversal`,
            {
              reason: reason.trim(),
              // An earn of a year on notice is corrected only by naming the objection it answers.
              ...(/^\d+$/.test(objectionId.trim()) ? { objectionId: Number(objectionId) } : {}),
            },
          );
          setOpen(false);
          props.onDone();
        });
      }}
    >
      <Field label={L('冲正原因（必填，会记入账本）', 'Reason (required, kept in the ledger)')}>
        <input
          value={reason}
          onInput={(e) => setReason(inputValue(e))}
          maxLength={TEXT_MAX.reason}
          required
        />
      </Field>
      <Field
        label={L('异议编号（可选）', 'Objection no. (optional)')}
        hint={L(
          '更正已公示年度的积分时，填写所答复的异议编号',
          'To correct a year on notice, the objection this answers',
        )}
      >
        <input
          value={objectionId}
          inputMode="numeric"
          maxLength={TEXT_MAX.objectionNo}
          data-testid="reverse-objection-id"
          onInput={(e) => setObjectionId(inputValue(e))}
        />
      </Field>
      <button type="submit" class="btn btn-danger" disabled={action.busy}>
        {L(`确认冲正 ${props.entry.amount}`, `Reverse ${props.entry.amount}`)}
      </button>
      <button type="button" class="btn btn-secondary" onClick={() => setOpen(false)}>
        {L('取消', 'Cancel')}
      </button>
      <ErrorMsg error={action.error} ctx={{ subject: 'transaction' }} />
    </form>
  );
}

function AdjustForm(props: { passbookNo: string; ownerName: string; onDone: () => void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [submission, setSubmission] = useState(() => new Submission());
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const cents = toCents(amount);
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (cents === null || cents === 0 || !reason.trim()) {
          return;
        }
        const signed = cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
        // Entries are never edited afterwards, so the admin reads back whose book and how much first.
        const sure = confirm(
          L(
            `确认给 ${props.ownerName}（存折 ${props.passbookNo}）${cents > 0 ? '增加' : '扣减'}积分 ${signed} 分？\n原因：${reason.trim()}\n记入后不能修改，只能再做一笔调整。`,
            `Adjust ${props.ownerName}'s passbook ${props.passbookNo} by ${signed} points?\nReason: ${reason.trim()}\nOnce posted it cannot be edited, only adjusted again.`,
          ),
        );
        if (!sure) {
          return;
        }
        setDone(null);
        void action.run(async () => {
          await submission.send('POST', '/ledger/adjustments', {
            passbookNo: props.passbookNo,
            amount: signed,
            reason: reason.trim(),
          });
          setDone(signed);
          setAmount('');
          setReason('');
          setSubmission(new Submission());
          props.onDone();
        });
      }}
    >
      <p class="muted">
        {L(
          '用于录入纸质存折的原有积分，或经批准的调整。负数表示扣减。',
          'For opening balances from paper passbooks or approved corrections. Negative lowers the balance.',
        )}
      </p>
      <div class="grid-2">
        <Field label={L('调整积分（如 +12.50 或 -3）', 'Amount (e.g. +12.50 or -3)')}>
          <input
            value={amount}
            inputMode="decimal"
            onInput={(e) => setAmount(inputValue(e))}
            required
          />
        </Field>
        <Field label={L('原因', 'Reason')}>
          <input
            value={reason}
            onInput={(e) => setReason(inputValue(e))}
            maxLength={TEXT_MAX.reason}
            required
          />
        </Field>
      </div>
      {amount && (cents === null || cents === 0) ? (
        <Msg kind="warn">
          {L('请填写不为0的积分，最多两位小数。', 'Enter a non-zero amount, at most two decimals.')}
        </Msg>
      ) : null}
      <ErrorMsg error={action.error} ctx={{ subject: 'passbook' }} />
      {done ? <Msg kind="ok">{L(`已调整 ${done} 分。`, `Adjusted by ${done}.`)}</Msg> : null}
      <button type="submit" class="btn btn-primary" disabled={action.busy}>
        {L('记入调整', 'Post adjustment')}
      </button>
    </form>
  );
}

function GiftOnBehalf(props: { passbookNo: string; onDone: () => void }) {
  const households = useLoad((signal) => getAll<HouseholdChoice>('/households', signal), []);
  const [householdId, setHouseholdId] = useState('');
  const [points, setPoints] = useState('');
  const [submission, setSubmission] = useState(() => new Submission());
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const cents = toCents(points);
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!householdId || cents === null || cents <= 0) {
          return;
        }
        setDone(null);
        void action.run(async () => {
          await submission.send('POST', '/donations', {
            householdId: Number(householdId),
            points: formatCents(cents),
            passbookNo: props.passbookNo,
          });
          setDone(formatCents(cents));
          setPoints('');
          setSubmission(new Submission());
          props.onDone();
        });
      }}
    >
      <div class="grid-2">
        <Field label={L('受赠家庭', 'Household')}>
          <select value={householdId} onChange={(e) => setHouseholdId(inputValue(e))} required>
            <option value="">{L('请选择', 'Choose')}</option>
            {(households.data ?? []).map((h) => (
              <option key={h.id} value={String(h.id)}>
                {h.name}（{hardshipLabel(h.hardship)}）
              </option>
            ))}
          </select>
        </Field>
        <Field label={L('积分', 'Points')}>
          <input
            value={points}
            inputMode="decimal"
            onInput={(e) => setPoints(inputValue(e))}
            required
          />
        </Field>
      </div>
      <ErrorMsg error={households.error ?? action.error} ctx={{ subject: 'household' }} />
      {done ? (
        <Msg kind="ok">
          {L(`已代为捐出 ${done} 分。`, `Gave ${done} points on the holder's behalf.`)}
        </Msg>
      ) : null}
      <button type="submit" class="btn btn-secondary" disabled={action.busy}>
        {L('代为捐赠', 'Record gift')}
      </button>
    </form>
  );
}

function PassbookView(props: { passbookNo: string }) {
  const path = `/passbooks/${enc(props.passbookNo)}`;
  const loaded = useLoad((signal) => get<Passbook>(path, { signal }), [path]);
  const more = useAction();
  const p = loaded.data;
  if (loaded.error) {
    return <ErrorMsg error={loaded.error} ctx={{ subject: 'passbook' }} />;
  }
  if (!p) {
    return <Loading />;
  }
  const loadMore = () =>
    void more.run(async () => {
      if (!p.nextCursor) {
        return;
      }
      const page = await get<Passbook>(`${path}${query({ cursor: p.nextCursor })}`);
      loaded.setData({
        ...p,
        entries: [...p.entries, ...page.entries],
        nextCursor: page.nextCursor,
      });
    });
  return (
    <>
      <Section
        title={`${p.owner.name} · ${p.passbookNo}`}
        actions={
          <Link href={`/print/${enc(p.passbookNo)}`}>{L('打印存折', 'Print passbook')}</Link>
        }
      >
        <div class="facts">
          <div>
            <dt>{L('余额', 'Balance')}</dt>
            <dd class="balance-mid" data-testid="admin-balance">
              {p.balance}
            </dd>
          </div>
          {p.earnedThisYear !== undefined ? (
            <div>
              <dt>{L('今年获得', 'Earned this year')}</dt>
              <dd>{p.earnedThisYear}</dd>
            </div>
          ) : null}
          {p.hours ? (
            <div>
              <dt>{L('累计时长', 'Hours')}</dt>
              <dd>
                {formatHours(p.hours.total)}
                {(p.transfers ?? []).map((t) => (
                  <small key={t.toPassbookNo} data-testid="hours-carried">
                    {L(
                      `含从${t.fromCommunity}转入 ${formatHours(t.hours)}`,
                      `incl. ${formatHours(t.hours)} carried from ${t.fromCommunity}`,
                    )}
                  </small>
                ))}
              </dd>
            </div>
          ) : null}
        </div>
        <ErrorMsg error={more.error} />
        <StatementList
          entries={p.entries}
          action={(e) => <ReverseEntry entry={e} onDone={loaded.reload} />}
          more={<MoreButton nextCursor={p.nextCursor} onMore={loadMore} busy={more.busy} />}
        />
      </Section>
      <Section title={L('积分调整', 'Adjustment')}>
        <AdjustForm passbookNo={p.passbookNo} ownerName={p.owner.name} onDone={loaded.reload} />
      </Section>
      {p.owner.type === 'member' ? (
        <Section title={L('代为捐赠', 'Gift on the holder’s behalf')}>
          <GiftOnBehalf passbookNo={p.passbookNo} onDone={loaded.reload} />
        </Section>
      ) : null}
    </>
  );
}

export function PassbookSection(props: { passbookNo?: string }) {
  const [typed, setTyped] = useState(props.passbookNo ?? '');
  return (
    <>
      <Section title={L('查存折', 'Find a passbook')}>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const no = cleanPassbookNo(typed);
            if (no) {
              navigate(`/admin/passbook/${enc(no)}`);
            }
          }}
        >
          <Field label={L('存折号', 'Passbook number')}>
            <input
              class="mono"
              value={typed}
              onInput={(e) => setTyped(inputValue(e))}
              maxLength={TEXT_MAX.passbookNo}
              autoCapitalize="characters"
            />
          </Field>
          <button type="submit" class="btn btn-secondary">
            {L('查看', 'Open')}
          </button>
        </form>
      </Section>
      {props.passbookNo ? (
        <PassbookView key={props.passbookNo} passbookNo={props.passbookNo} />
      ) : null}
    </>
  );
}
