import { useState } from 'preact/hooks';
import { enc, get, getAll, patch, post } from '../api';
import { entryKindLabel, formatDateTime, hardshipLabel } from '../format';
import { L } from '../i18n';
import type { Hardship, HouseholdChoice, StatementEntry } from '../types';
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
import { TEXT_MAX } from '../limits';

const HARDSHIPS: Hardship[] = ['elderly_alone', 'disabled', 'low_income', 'other'];

interface HouseholdGifts {
  balance: string;
  totals: { received: string; redeemed: string };
  entries: (StatementEntry & {
    from?: { passbookNo: string; name: string };
    reversed: boolean;
  })[];
}

/** 受赠记录: the gifts a household received and what it redeemed with them. */
function Gifts(props: { household: HouseholdChoice }) {
  const gifts = useLoad(
    (signal) => get<HouseholdGifts>(`/households/${props.household.id}/gifts?limit=50`, { signal }),
    [props.household.id],
  );
  if (gifts.error) {
    return <ErrorMsg error={gifts.error} ctx={{ subject: 'household' }} />;
  }
  if (!gifts.data) {
    return <Loading />;
  }
  const g = gifts.data;
  return (
    <div class="stack" data-testid="household-gifts">
      <p>
        {L(
          `共收到 ${g.totals.received} 分，已兑换 ${g.totals.redeemed} 分，现余 ${g.balance} 分。`,
          `Received ${g.totals.received}, redeemed ${g.totals.redeemed}, balance ${g.balance}.`,
        )}
      </p>
      {g.entries.length === 0 ? (
        <p class="muted">{L('还没有收到捐赠。', 'No gifts yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table-cards">
            <thead>
              <tr>
                <th>{L('时间', 'When')}</th>
                <th>{L('类别', 'Kind')}</th>
                <th>{L('捐赠人', 'From')}</th>
                <th class="num">{L('积分', 'Points')}</th>
              </tr>
            </thead>
            <tbody>
              {g.entries.map((e) => (
                <tr key={e.seq}>
                  <td data-label={L('时间', 'When')}>{formatDateTime(e.createdAt)}</td>
                  <td data-label={L('类别', 'Kind')}>
                    {entryKindLabel(e.kind)}
                    {e.reversed ? L('（已冲正）', ' (reversed)') : ''}
                  </td>
                  <td data-label={L('捐赠人', 'From')}>
                    {e.from ? `${e.from.name} ${e.from.passbookNo}` : ''}
                  </td>
                  <td data-label={L('积分', 'Points')} class="num">
                    {e.amount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** 修改 / 撤销认定: edit a household's details, or withdraw (and restore) its verification. */
function HouseholdEdit(props: { household: HouseholdChoice; onDone: () => void }) {
  const h = props.household;
  const [name, setName] = useState(h.name);
  const [hardship, setHardship] = useState<Hardship>(h.hardship);
  const [address, setAddress] = useState(h.address ?? '');
  const [contact, setContact] = useState(h.contact ?? '');
  const action = useAction();
  const verified = h.verified !== false && h.active !== false;
  return (
    <form
      class="stack"
      data-testid="household-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          await patch(`/households/${h.id}`, {
            name: name.trim(),
            hardship,
            address: address.trim() || null,
            contact: contact.trim() || null,
          });
          props.onDone();
        });
      }}
    >
      <div class="grid-2">
        <Field label={L('户名', 'Name')}>
          <input
            name="editName"
            value={name}
            onInput={(e) => setName(inputValue(e))}
            maxLength={TEXT_MAX.name}
            required
          />
        </Field>
        <Field label={L('困难类别', 'Hardship')}>
          <select
            name="editHardship"
            value={hardship}
            onChange={(e) => setHardship(inputValue(e) as Hardship)}
          >
            {HARDSHIPS.map((x) => (
              <option key={x} value={x}>
                {hardshipLabel(x)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={L('地址', 'Address')}>
          <input
            name="editAddress"
            value={address}
            onInput={(e) => setAddress(inputValue(e))}
            maxLength={TEXT_MAX.address}
          />
        </Field>
        <Field label={L('联系人', 'Contact')}>
          <input
            name="editContact"
            value={contact}
            onInput={(e) => setContact(inputValue(e))}
            maxLength={TEXT_MAX.name}
          />
        </Field>
      </div>
      <ErrorMsg error={action.error} ctx={{ subject: 'household' }} />
      <div class="inline-form">
        <button type="submit" class="btn btn-primary" disabled={action.busy}>
          {L('保存', 'Save')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          disabled={action.busy}
          onClick={() => {
            if (
              confirm(
                verified
                  ? L(
                      `撤销 ${h.name} 的困难家庭认定？撤销后不能再接受捐赠，已有积分和记录保留。`,
                      `Withdraw ${h.name}? It can no longer receive gifts; points and history stay.`,
                    )
                  : L(`恢复 ${h.name} 的困难家庭认定？`, `Restore ${h.name}?`),
              )
            ) {
              void action.run(async () => {
                await patch(`/households/${h.id}`, { verified: !verified, active: !verified });
                props.onDone();
              });
            }
          }}
        >
          {verified ? L('撤销认定', 'Withdraw') : L('恢复认定', 'Restore')}
        </button>
      </div>
    </form>
  );
}

export function HouseholdsSection() {
  const [open, setOpen] = useState<{ id: number; what: 'edit' | 'gifts' } | null>(null);
  const list = useLoad((signal) => getAll<HouseholdChoice>('/households', signal), []);
  const [name, setName] = useState('');
  const [hardship, setHardship] = useState<Hardship>('elderly_alone');
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState('');
  const [created, setCreated] = useState<HouseholdChoice | null>(null);
  const action = useAction();
  return (
    <>
      <Section title={L('困难家庭', 'Hardship households')}>
        {list.error ? <ErrorMsg error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <div class="table-wrap">
            <table class="table table-cards">
              <thead>
                <tr>
                  <th>{L('户名', 'Name')}</th>
                  <th>{L('类别', 'Hardship')}</th>
                  <th>{L('存折号', 'Passbook')}</th>
                  <th>{L('地址', 'Address')}</th>
                  <th>{L('联系人', 'Contact')}</th>
                  <th class="num">{L('余额', 'Balance')}</th>
                  <th>{L('状态', 'Status')}</th>
                  <th>{L('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.flatMap((h) => [
                  <tr key={h.id} data-household={h.passbookNo}>
                    <td data-label={L('户名', 'Name')}>{h.name}</td>
                    <td data-label={L('类别', 'Hardship')}>{hardshipLabel(h.hardship)}</td>
                    <td data-label={L('存折号', 'Passbook')} class="mono">
                      {h.passbookNo ? (
                        <Link href={`/admin/passbook/${enc(h.passbookNo)}`}>{h.passbookNo}</Link>
                      ) : (
                        ''
                      )}
                    </td>
                    <td data-label={L('地址', 'Address')}>{h.address ?? ''}</td>
                    <td data-label={L('联系人', 'Contact')}>{h.contact ?? ''}</td>
                    <td data-label={L('余额', 'Balance')} class="num">
                      {h.balance ?? ''}
                    </td>
                    <td data-label={L('状态', 'Status')}>
                      {h.verified === false || h.active === false
                        ? L('已撤销', 'withdrawn')
                        : L('已认定', 'verified')}
                    </td>
                    <td data-label={L('操作', 'Actions')} class="actions">
                      <button
                        type="button"
                        class="btn-link"
                        onClick={() =>
                          setOpen(
                            open?.id === h.id && open.what === 'edit'
                              ? null
                              : { id: h.id, what: 'edit' },
                          )
                        }
                      >
                        {L('修改/撤销', 'Edit')}
                      </button>
                      <button
                        type="button"
                        class="btn-link"
                        onClick={() =>
                          setOpen(
                            open?.id === h.id && open.what === 'gifts'
                              ? null
                              : { id: h.id, what: 'gifts' },
                          )
                        }
                      >
                        {L('受赠记录', 'Gifts')}
                      </button>
                    </td>
                  </tr>,
                  open?.id === h.id ? (
                    <tr key={`open-${h.id}`} class="edit-row">
                      <td colSpan={8}>
                        {open.what === 'edit' ? (
                          <HouseholdEdit
                            household={h}
                            onDone={() => {
                              setOpen(null);
                              list.reload();
                            }}
                          />
                        ) : (
                          <Gifts household={h} />
                        )}
                      </td>
                    </tr>
                  ) : null,
                ])}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      <Section title={L('登记困难家庭', 'Register a household')}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            void action.run(async () => {
              const h = await post<HouseholdChoice>('/households', {
                name: name.trim(),
                hardship,
                ...(address.trim() ? { address: address.trim() } : {}),
                ...(contact.trim() ? { contact: contact.trim() } : {}),
              });
              setCreated(h);
              setName('');
              setAddress('');
              setContact('');
              list.reload();
            });
          }}
        >
          <div class="grid-2">
            <Field label={L('户名', 'Name')}>
              <input
                value={name}
                onInput={(e) => setName(inputValue(e))}
                required
                maxLength={TEXT_MAX.name}
              />
            </Field>
            <Field label={L('困难类别', 'Hardship')}>
              <select value={hardship} onChange={(e) => setHardship(inputValue(e) as Hardship)}>
                {HARDSHIPS.map((h) => (
                  <option key={h} value={h}>
                    {hardshipLabel(h)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={L('地址（可不填）', 'Address (optional)')}>
              <input
                value={address}
                onInput={(e) => setAddress(inputValue(e))}
                maxLength={TEXT_MAX.address}
              />
            </Field>
            <Field label={L('联系人/电话（可不填）', 'Contact (optional)')}>
              <input
                value={contact}
                onInput={(e) => setContact(inputValue(e))}
                maxLength={TEXT_MAX.name}
              />
            </Field>
          </div>
          <ErrorMsg error={action.error} />
          {created ? (
            <Msg kind="ok">
              {L(`已登记：${created.name}，存折号 `, `Registered ${created.name}, passbook `)}
              <strong class="mono">{created.passbookNo}</strong>
            </Msg>
          ) : null}
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('登记', 'Register')}
          </button>
        </form>
      </Section>
    </>
  );
}
