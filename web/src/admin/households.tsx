import { useState } from 'preact/hooks';
import { enc, get, getAll, patch, post } from '../api';
import { entryKindLabel, formatDateTime, hardshipLabel } from '../format';
import { L } from '../i18n';
import type { Hardship, HouseholdChoice, StatementEntry } from '../types';
import { Link, Section, useLoad } from '../ui/components';
import { ActionButton, Form, useForm, type FieldSpec } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List, Loaded, Table } from '../ui/list';

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
  return (
    <Loaded load={gifts} ctx={{ subject: 'household' }}>
      {(g) => (
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
            <Table
              columns={[
                L('时间', 'When'),
                L('类别', 'Kind'),
                L('捐赠人', 'From'),
                { label: L('积分', 'Points'), num: true },
              ]}
              items={g.entries}
              row={(e) => (
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
              )}
            />
          )}
        </div>
      )}
    </Loaded>
  );
}

/**
 * 登记 / 修改 / 撤销认定: one form registers a household or edits one (then it can also withdraw,
 * and restore, the household's verification).
 */
function HouseholdForm(props: { household?: HouseholdChoice; onDone: () => void }) {
  const h = props.household;
  const form = useForm({
    name: h?.name ?? '',
    hardship: h?.hardship ?? 'elderly_alone',
    address: h?.address ?? '',
    contact: h?.contact ?? '',
  });
  const edit = (name: string) => (h ? name : undefined);
  const fields: FieldSpec<typeof form.values>[] = [
    {
      key: 'name',
      name: edit('editName'),
      label: L('户名', 'Name'),
      maxLength: TEXT_MAX.name,
      required: true,
    },
    {
      key: 'hardship',
      name: edit('editHardship'),
      label: L('困难类别', 'Hardship'),
      options: HARDSHIPS.map((x) => [x, hardshipLabel(x)]),
    },
    {
      key: 'address',
      name: edit('editAddress'),
      label: h ? L('地址', 'Address') : L('地址（可不填）', 'Address (optional)'),
      maxLength: TEXT_MAX.address,
    },
    {
      key: 'contact',
      name: edit('editContact'),
      label: h ? L('联系人', 'Contact') : L('联系人/电话（可不填）', 'Contact (optional)'),
      maxLength: TEXT_MAX.name,
    },
  ];
  if (!h) {
    return (
      <Form
        form={form}
        fields={fields}
        submit={L('登记', 'Register')}
        reset
        keep={['hardship']}
        onSubmit={async (v) => {
          const created = await post<HouseholdChoice>('/households', {
            name: v.name.trim(),
            hardship: v.hardship,
            ...(v.address.trim() ? { address: v.address.trim() } : {}),
            ...(v.contact.trim() ? { contact: v.contact.trim() } : {}),
          });
          props.onDone();
          return (
            <>
              {L(`已登记：${created.name}，存折号 `, `Registered ${created.name}, passbook `)}
              <strong class="mono">{created.passbookNo}</strong>
            </>
          );
        }}
      />
    );
  }
  const verified = h.verified !== false && h.active !== false;
  return (
    <Form
      form={form}
      fields={fields}
      testId="household-edit"
      ctx={{ subject: 'household' }}
      submit={L('保存', 'Save')}
      onSubmit={async (v) => {
        await patch(`/households/${h.id}`, {
          name: v.name.trim(),
          hardship: v.hardship,
          address: v.address.trim() || null,
          contact: v.contact.trim() || null,
        });
        props.onDone();
        return true;
      }}
      actions={
        <ActionButton
          action={form}
          class="btn btn-secondary"
          confirm={
            verified
              ? L(
                  `撤销 ${h.name} 的困难家庭认定？撤销后不能再接受捐赠，已有积分和记录保留。`,
                  `Withdraw ${h.name}? It can no longer receive gifts; points and history stay.`,
                )
              : L(`恢复 ${h.name} 的困难家庭认定？`, `Restore ${h.name}?`)
          }
          onClick={async () => {
            await patch(`/households/${h.id}`, { verified: !verified, active: !verified });
            props.onDone();
          }}
        >
          {verified ? L('撤销认定', 'Withdraw') : L('恢复认定', 'Restore')}
        </ActionButton>
      }
    />
  );
}

export function HouseholdsSection() {
  const [open, setOpen] = useState<{ id: number; what: 'edit' | 'gifts' } | null>(null);
  const list = useLoad((signal) => getAll<HouseholdChoice>('/households', signal), []);
  const toggle = (id: number, what: 'edit' | 'gifts') =>
    setOpen(open?.id === id && open.what === what ? null : { id, what });
  return (
    <>
      <Section title={L('困难家庭', 'Hardship households')}>
        <List
          load={list}
          columns={[
            L('户名', 'Name'),
            L('类别', 'Hardship'),
            L('存折号', 'Passbook'),
            L('地址', 'Address'),
            L('联系人', 'Contact'),
            { label: L('余额', 'Balance'), num: true },
            L('状态', 'Status'),
            L('操作', 'Actions'),
          ]}
          row={(h) => [
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
                <button type="button" class="btn-link" onClick={() => toggle(h.id, 'edit')}>
                  {L('修改/撤销', 'Edit')}
                </button>
                <button type="button" class="btn-link" onClick={() => toggle(h.id, 'gifts')}>
                  {L('受赠记录', 'Gifts')}
                </button>
              </td>
            </tr>,
            open?.id === h.id ? (
              <tr key={`open-${h.id}`} class="edit-row">
                <td colSpan={8}>
                  {open.what === 'edit' ? (
                    <HouseholdForm
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
          ]}
        />
      </Section>
      <Section title={L('登记困难家庭', 'Register a household')}>
        <HouseholdForm onDone={list.reload} />
      </Section>
    </>
  );
}
