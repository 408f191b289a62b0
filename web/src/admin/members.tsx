import { useState } from 'preact/hooks';
import { enc, get, itemsOf, post, query } from '../api';
import { resetPin } from '../endpoints';
import { memberKindLabel } from '../format';
import { L } from '../i18n';
import type { Member } from '../types';
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

function NewMemberForm(props: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'party_member' | 'resident'>('resident');
  const [phone, setPhone] = useState('');
  const [pin, setPin] = useState('');
  const [created, setCreated] = useState<Member | null>(null);
  const action = useAction();
  return (
    <form
      class="stack"
      data-testid="new-member"
      onSubmit={(e) => {
        e.preventDefault();
        setCreated(null);
        void action.run(async () => {
          const m = await post<Member>('/members', {
            name: name.trim(),
            kind,
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(pin.trim() ? { pin: pin.trim() } : {}),
          });
          setCreated(m);
          setName('');
          setPhone('');
          setPin('');
          props.onCreated();
        });
      }}
    >
      <div class="grid-2">
        <Field label={L('姓名', 'Name')}>
          <input
            name="name"
            value={name}
            onInput={(e) => setName(inputValue(e))}
            maxLength={100}
            required
          />
        </Field>
        <Field label={L('身份', 'Kind')}>
          <select
            name="kind"
            value={kind}
            onChange={(e) => setKind(inputValue(e) as 'party_member' | 'resident')}
          >
            <option value="resident">{memberKindLabel('resident')}</option>
            <option value="party_member">{memberKindLabel('party_member')}</option>
          </select>
        </Field>
        <Field label={L('电话（可不填）', 'Phone (optional)')}>
          <input name="phone" type="tel" value={phone} onInput={(e) => setPhone(inputValue(e))} />
        </Field>
        <Field label={L('密码（6位数字，不填则自动生成）', 'PIN (6 digits; blank = generated)')}>
          <input
            name="pin"
            inputMode="numeric"
            value={pin}
            onInput={(e) => setPin(inputValue(e))}
            pattern="[0-9]{6}"
          />
        </Field>
      </div>
      <ErrorMsg error={action.error} />
      {created ? (
        <Msg kind="ok" testId="member-created">
          {L(`已开户：${created.name}，存折号 `, `Opened: ${created.name}, passbook `)}
          <strong class="mono">{created.passbookNo}</strong>
          {created.pin ? (
            <>
              {L('，密码 ', ', PIN ')}
              <strong class="mono">{created.pin}</strong>
              {L('（只显示这一次，请交给本人）', ' (shown once: hand it to the volunteer)')}
            </>
          ) : null}
          。{' '}
          <Link href={`/print/${enc(created.passbookNo)}`}>{L('打印存折', 'Print passbook')}</Link>
        </Msg>
      ) : null}
      <button type="submit" class="btn btn-primary" disabled={action.busy}>
        {L('开户', 'Open passbook')}
      </button>
    </form>
  );
}

function PinReset(props: { member: Member }) {
  const action = useAction();
  const [pin, setPin] = useState<string | null>(null);
  return (
    <span>
      {pin ? (
        <span class="mono" data-testid="new-pin">
          {L('新密码', 'new PIN')} {pin}
        </span>
      ) : (
        <button
          type="button"
          class="btn-link"
          disabled={action.busy}
          onClick={() => {
            if (
              confirm(
                L(
                  `给 ${props.member.name} 重设密码？旧密码将失效。`,
                  `Reset the PIN of ${props.member.name}? The old PIN stops working.`,
                ),
              )
            ) {
              void action.run(async () => setPin(await resetPin(props.member.id)));
            }
          }}
        >
          {L('重设密码', 'Reset PIN')}
        </button>
      )}
      <ErrorMsg error={action.error} ctx={{ subject: 'member' }} />
    </span>
  );
}

export function MembersSection() {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useLoad(
    (signal) =>
      get<unknown>(`/members${query({ q: search, limit: 100 })}`, { signal }).then((b) =>
        itemsOf<Member>(b),
      ),
    [search],
  );
  return (
    <>
      <Section title={L('志愿者', 'Volunteers')}>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <Field label={L('按姓名、存折号查找', 'Find by name or passbook number')}>
            <input name="q" value={q} onInput={(e) => setQ(inputValue(e))} />
          </Field>
          <button type="submit" class="btn btn-secondary">
            {L('查找', 'Search')}
          </button>
        </form>
        {list.error ? <ErrorMsg error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <div class="table-wrap">
            <table class="table" data-testid="members-table">
              <thead>
                <tr>
                  <th>{L('姓名', 'Name')}</th>
                  <th>{L('身份', 'Kind')}</th>
                  <th>{L('存折号', 'Passbook')}</th>
                  <th>{L('电话', 'Phone')}</th>
                  <th class="num">{L('余额', 'Balance')}</th>
                  <th>{L('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{memberKindLabel(m.kind)}</td>
                    <td class="mono">{m.passbookNo}</td>
                    <td>{m.phone ?? ''}</td>
                    <td class="num">{m.balance ?? ''}</td>
                    <td class="actions">
                      <Link href={`/admin/passbook/${enc(m.passbookNo)}`}>
                        {L('明细', 'Statement')}
                      </Link>
                      <Link href={`/print/${enc(m.passbookNo)}`}>{L('打印存折', 'Print')}</Link>
                      <PinReset member={m} />
                    </td>
                  </tr>
                ))}
                {list.data.length === 0 ? (
                  <tr>
                    <td colSpan={6} class="muted">
                      {L('没有找到。', 'None found.')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      <Section title={L('新志愿者开户', 'Open a passbook for a new volunteer')}>
        <NewMemberForm onCreated={list.reload} />
      </Section>
    </>
  );
}
