import { useState } from 'preact/hooks';
import { enc, getAll, post } from '../api';
import { hardshipLabel } from '../format';
import { L } from '../i18n';
import type { Hardship, HouseholdChoice } from '../types';
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

const HARDSHIPS: Hardship[] = ['elderly_alone', 'disabled', 'low_income', 'other'];

export function HouseholdsSection() {
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
            <table class="table">
              <thead>
                <tr>
                  <th>{L('户名', 'Name')}</th>
                  <th>{L('类别', 'Hardship')}</th>
                  <th>{L('存折号', 'Passbook')}</th>
                  <th>{L('地址', 'Address')}</th>
                  <th>{L('联系人', 'Contact')}</th>
                  <th class="num">{L('余额', 'Balance')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((h) => (
                  <tr key={h.id}>
                    <td>{h.name}</td>
                    <td>{hardshipLabel(h.hardship)}</td>
                    <td class="mono">
                      {h.passbookNo ? (
                        <Link href={`/admin/passbook/${enc(h.passbookNo)}`}>{h.passbookNo}</Link>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>{h.address ?? ''}</td>
                    <td>{h.contact ?? ''}</td>
                    <td class="num">{h.balance ?? ''}</td>
                  </tr>
                ))}
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
                maxLength={100}
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
              <input value={address} onInput={(e) => setAddress(inputValue(e))} maxLength={200} />
            </Field>
            <Field label={L('联系人/电话（可不填）', 'Contact (optional)')}>
              <input value={contact} onInput={(e) => setContact(inputValue(e))} maxLength={200} />
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
