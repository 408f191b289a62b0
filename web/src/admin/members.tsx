import { useState } from 'preact/hooks';
import { enc, get, itemsOf, patch, post, query, Submission } from '../api';
import { resetPin } from '../endpoints';
import { memberKindLabel, todayLocal } from '../format';
import { L } from '../i18n';
import type { Member } from '../types';
import { ErrorMsg, Link, Msg, Section, useAction, useLoad } from '../ui/components';
import { ActionButton, Form, useForm, type FieldSpec } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List } from '../ui/list';
import { MemberExport, MemberImport } from './import';
import { navigate } from '../router';

/** The identity document types (证件) the national record system knows. */
const ID_TYPES: [string, string, string][] = [
  ['resident_id', '居民身份证', 'Resident ID card'],
  ['hk_macao_permit', '港澳居民来往内地通行证', 'HK/Macao travel permit'],
  ['taiwan_permit', '台湾居民来往大陆通行证', 'Taiwan travel permit'],
  ['passport', '护照', 'Passport'],
  ['other', '其他', 'Other'],
];

interface SameNamed {
  id: number;
  passbookNo: string;
  name: string;
  phone: string | null;
  active: boolean;
  samePhone: boolean;
}

/**
 * 开户 / 修改 / 停用: one form opens a passbook for a new volunteer (asking first about passbooks
 * already open under the name) or edits one: name, kind, phone, join date and identity document,
 * or no longer able to log in (history stays).
 */
function MemberForm(props: { member?: Member; onDone: () => void; onCancel?: () => void }) {
  const m = props.member;
  const form = useForm({
    name: m?.name ?? '',
    kind: m?.kind ?? 'resident',
    phone: m?.phone ?? '',
    joinedOn: m?.joinedOn ?? '',
    pin: '',
    idType: m?.idDocument?.type ?? 'resident_id',
    idNumber: '',
  });
  const v = form.values;
  /** Passbooks already open under this name: shown once, then 仍然开户 opens another. */
  const [dupes, setDupes] = useState<{ key: string; items: SameNamed[] } | null>(null);
  const personKey = `${v.name.trim()}|${v.phone.trim()}`;
  const warned = dupes !== null && dupes.key === personKey;
  const edit = (name: string) => (m ? `edit${name[0].toUpperCase()}${name.slice(1)}` : name);
  const fields: FieldSpec<typeof v>[] = [
    {
      key: 'name',
      name: edit('name'),
      label: L('姓名', 'Name'),
      maxLength: TEXT_MAX.name,
      required: true,
    },
    {
      key: 'kind',
      name: edit('kind'),
      label: L('身份', 'Kind'),
      options: (['resident', 'party_member'] as const).map((k) => [k, memberKindLabel(k)]),
    },
    {
      key: 'phone',
      name: edit('phone'),
      type: 'tel',
      label: m
        ? L('电话（11位手机号，可不填）', 'Phone (11-digit mobile, optional)')
        : L('电话（可不填）', 'Phone (optional)'),
    },
    {
      key: 'joinedOn',
      name: edit('joinedOn'),
      type: 'date',
      min: '2000-01-01',
      label: m
        ? L('加入日期', 'Joined on')
        : L(
            '加入日期（纸质登记的日期，不填为今天）',
            'Joined on (from the paper register; blank = today)',
          ),
    },
  ];
  if (!m) {
    return (
      <Form
        form={form}
        testId="new-member"
        doneTestId="member-created"
        fields={[
          ...fields,
          {
            key: 'pin',
            name: 'pin',
            inputMode: 'numeric',
            pattern: '[0-9]{6}',
            label: L('密码（6位数字，不填则自动生成）', 'PIN (6 digits; blank = generated)'),
          },
        ]}
        submit={warned ? L('仍然开户', 'Open anyway') : L('开户', 'Open passbook')}
        reset
        keep={['kind']}
        notice={warned ? <SameNamedWarning name={v.name.trim()} items={dupes.items} /> : null}
        onSubmit={async (v) => {
          if (!warned) {
            const found = await get<{ items: SameNamed[] }>(
              `/members/duplicates${query({ name: v.name.trim(), phone: v.phone.trim() })}`,
            );
            if (found.items.length > 0) {
              setDupes({ key: personKey, items: found.items });
              return;
            }
          }
          setDupes(null);
          const created = await post<Member>('/members', {
            name: v.name.trim(),
            kind: v.kind,
            ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
            ...(v.pin.trim() ? { pin: v.pin.trim() } : {}),
            ...(v.joinedOn ? { joinedOn: v.joinedOn } : {}),
          });
          props.onDone();
          return <MemberCreated member={created} />;
        }}
      />
    );
  }
  return (
    <>
      <Form
        form={form}
        testId="member-edit"
        ctx={{ subject: 'member' }}
        fields={[
          ...fields,
          {
            key: 'idType',
            name: 'editIdType',
            label: L('证件类型', 'ID document type'),
            options: ID_TYPES.map(([code, zh, en]) => [code, L(zh, en)]),
          },
          {
            key: 'idNumber',
            name: 'editIdNumber',
            autoComplete: 'off',
            maxLength: TEXT_MAX.idNumber,
            label: m.idDocument
              ? L(
                  `证件号码（已登记 ${m.idDocument.number}，不改请留空）`,
                  `ID number (on file: ${m.idDocument.number}; leave blank to keep)`,
                )
              : L('证件号码（开具证明、上报用，可不填）', 'ID number (for certificates; optional)'),
          },
        ]}
        submit={L('保存', 'Save')}
        onSubmit={async (v) => {
          await patch(`/members/${m.id}`, {
            name: v.name.trim(),
            kind: v.kind,
            phone: v.phone.trim() ? v.phone.trim() : null,
            ...(v.joinedOn && v.joinedOn !== m.joinedOn ? { joinedOn: v.joinedOn } : {}),
            // Left blank, the stored document stays (it is only ever shown masked).
            ...(v.idNumber.trim()
              ? { idDocument: { type: v.idType, number: v.idNumber.trim() } }
              : {}),
          });
          props.onDone();
          return true;
        }}
        actions={
          <>
            <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
              {L('取消', 'Cancel')}
            </button>
            <ActionButton
              action={form}
              class="btn btn-secondary"
              confirm={
                m.active !== false
                  ? L(
                      `停用 ${m.name}？停用后不能再登录，积分和记录都保留，可以再恢复。`,
                      `Deactivate ${m.name}? They can no longer log in; points and history stay.`,
                    )
                  : L(`恢复 ${m.name}？`, `Re-activate ${m.name}?`)
              }
              onClick={async () => {
                await patch(`/members/${m.id}`, { active: m.active === false });
                props.onDone();
              }}
            >
              {m.active === false ? L('恢复', 'Re-activate') : L('停用', 'Deactivate')}
            </ActionButton>
          </>
        }
      />
      <CertificateIssue member={m} />
    </>
  );
}

/** The passbooks already open under the name being opened, and whether the phone is the same. */
function SameNamedWarning(props: { name: string; items: SameNamed[] }) {
  const { name } = props;
  return (
    <Msg kind="warn" testId="duplicate-warning">
      {props.items.some((d) => d.samePhone)
        ? L(
            `${name}（同一个电话）已经有存折了，很可能是同一个人，请不要重复开户：`,
            `${name} with this phone already has a passbook; most likely the same person:`,
          )
        : L(
            `已经有叫 ${name} 的志愿者，请确认不是同一个人：`,
            `A volunteer named ${name} already exists; make sure this is someone else:`,
          )}
      <ul>
        {props.items.map((d) => (
          <li key={d.id}>
            <Link href={`/admin/passbook/${enc(d.passbookNo)}`}>{d.passbookNo}</Link>{' '}
            {d.phone ?? L('（无电话）', '(no phone)')}
            {d.samePhone ? L('，电话相同', ', same phone') : ''}
            {d.active ? '' : L('，已停用', ', deactivated')}
          </li>
        ))}
      </ul>
      {L('确实是另一个人，请再按一次“仍然开户”。', 'If it is someone else, press “Open anyway”.')}
    </Msg>
  );
}

/** The new passbook's number and, once only, its PIN. */
function MemberCreated(props: { member: Member }) {
  const created = props.member;
  return (
    <>
      {L(`已开户：${created.name}，存折号 `, `Opened: ${created.name}, passbook `)}
      <strong class="mono">{created.passbookNo}</strong>
      {created.pin ? (
        <>
          {L('，密码 ', ', PIN ')}
          <strong class="mono">{created.pin}</strong>
          {L('（只显示这一次，请交给本人）', ' (shown once: hand it to the volunteer)')}
        </>
      ) : null}
      。 <Link href={`/print/${enc(created.passbookNo)}`}>{L('打印存折', 'Print passbook')}</Link>
    </>
  );
}

/** 开具志愿服务记录证明: the period and the handler, then the printable certificate. */
function CertificateIssue(props: { member: Member }) {
  const today = todayLocal();
  const form = useForm({ from: `${today.slice(0, 4)}-01-01`, to: today, handler: '', purpose: '' });
  const [submission] = useState(() => new Submission());
  return (
    <Form
      form={form}
      testId="certificate-issue"
      ctx={{ subject: 'member' }}
      intro={<h3>{L('开具志愿服务记录证明', 'Issue a certificate of volunteer service')}</h3>}
      fields={[
        {
          key: 'from',
          name: 'certFrom',
          type: 'date',
          required: true,
          label: L('服务起始日期', 'From'),
        },
        {
          key: 'to',
          name: 'certTo',
          type: 'date',
          max: today,
          required: true,
          label: L('服务截止日期', 'To'),
        },
        {
          key: 'handler',
          name: 'certHandler',
          maxLength: TEXT_MAX.name,
          required: true,
          label: L('经办人', 'Handled by'),
        },
        {
          key: 'purpose',
          name: 'certPurpose',
          maxLength: TEXT_MAX.reason,
          label: L('用途（可不填）', 'Purpose (optional)'),
        },
      ]}
      submit={L('开具并打印', 'Issue and print')}
      row
      onSubmit={async (v) => {
        const issued = await submission.send<{ number: string }>('POST', '/certificates', {
          memberId: props.member.id,
          from: v.from,
          to: v.to,
          handler: v.handler.trim(),
          ...(v.purpose.trim() ? { purpose: v.purpose.trim() } : {}),
        });
        navigate(`/print/certificate/${enc(issued.number)}`);
        return true;
      }}
    />
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
        <ActionButton
          action={action}
          confirm={L(
            `给 ${props.member.name} 重设密码？旧密码将失效。`,
            `Reset the PIN of ${props.member.name}? The old PIN stops working.`,
          )}
          onClick={async () => setPin(await resetPin(props.member.id))}
        >
          {L('重设密码', 'Reset PIN')}
        </ActionButton>
      )}
      <ErrorMsg error={action.error} ctx={{ subject: 'member' }} />
    </span>
  );
}

/** A new install has no volunteers yet: what to set up, in order, instead of an empty table. */
function SetupChecklist() {
  return (
    <div class="stack" data-testid="setup-checklist">
      <p>{L('还没有志愿者。开始使用前，请按顺序准备：', 'No volunteers yet. To get started:')}</p>
      <ol>
        <li>
          {L(
            '积分标准：在服务器的 config/scoring-standard.json 中核对本社区的9大项20小项。',
            'Scoring standard: check config/scoring-standard.json on the server.',
          )}
        </li>
        <li>
          <Link href="/admin/users">{L('工作人员', 'Staff users')}</Link>
          {L('：给队长和店员建账号。', ': accounts for leaders and clerks.')}
        </li>
        <li>
          <Link href="/admin/teams">{L('服务队', 'Teams')}</Link>
          {L('：建服务队并指定队长。', ': create teams and pick their leaders.')}
        </li>
        <li>
          {L(
            '志愿者：用下面的“从表格导入”一次导入花名册，或逐个开户。',
            'Volunteers: import the roster below, or open passbooks one by one.',
          )}
        </li>
        <li>
          <Link href="/admin/catalog">{L('商品与库存', 'Catalog')}</Link>
          {L('：登记可兑换的物品和服务券。', ': goods and coupons to redeem.')}
        </li>
        <li>
          <Link href="/admin/windows">{L('兑换期', 'Windows')}</Link>
          {L('：确认下一个兑换期。', ': check the next redemption window.')}
        </li>
      </ol>
    </div>
  );
}

export function MembersSection() {
  const [editing, setEditing] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const find = useForm({ q: '' });
  const list = useLoad(
    (signal) =>
      get<unknown>(`/members${query({ q: search, limit: 100 })}`, { signal }).then((b) =>
        itemsOf<Member>(b),
      ),
    [search],
  );
  return (
    <>
      <Section title={L('志愿者', 'Volunteers')} actions={<MemberExport />}>
        <Form
          form={find}
          inline
          fields={[
            {
              key: 'q',
              name: 'q',
              maxLength: TEXT_MAX.search,
              label: L('按姓名、存折号查找', 'Find by name or passbook number'),
            },
          ]}
          submit={L('查找', 'Search')}
          submitClass="btn-secondary"
          onSubmit={async (v) => setSearch(v.q.trim())}
        />
        <List
          load={list}
          testId="members-table"
          columns={[
            L('姓名', 'Name'),
            L('身份', 'Kind'),
            L('存折号', 'Passbook'),
            L('电话', 'Phone'),
            { label: L('余额', 'Balance'), num: true },
            L('状态', 'Status'),
            L('操作', 'Actions'),
          ]}
          empty={search ? L('没有找到。', 'None found.') : undefined}
          row={(m) => [
            <tr key={m.id} data-member={m.passbookNo}>
              <td data-label={L('姓名', 'Name')}>{m.name}</td>
              <td data-label={L('身份', 'Kind')}>{memberKindLabel(m.kind)}</td>
              <td data-label={L('存折号', 'Passbook')} class="mono">
                {m.passbookNo}
              </td>
              <td data-label={L('电话', 'Phone')}>{m.phone ?? ''}</td>
              <td data-label={L('余额', 'Balance')} class="num">
                {m.balance ?? ''}
              </td>
              <td data-label={L('状态', 'Status')}>
                {m.active === false ? L('已停用', 'deactivated') : L('在册', 'active')}
              </td>
              <td data-label={L('操作', 'Actions')} class="actions">
                <button
                  type="button"
                  class="btn-link"
                  onClick={() => setEditing(editing === m.id ? null : m.id)}
                >
                  {L('修改/停用', 'Edit')}
                </button>
                <Link href={`/admin/passbook/${enc(m.passbookNo)}`}>{L('明细', 'Statement')}</Link>
                <Link href={`/print/${enc(m.passbookNo)}`}>{L('打印存折', 'Print')}</Link>
                <PinReset member={m} />
              </td>
            </tr>,
            editing === m.id ? (
              <tr key={`edit-${m.id}`} class="edit-row">
                <td colSpan={7}>
                  <MemberForm
                    member={m}
                    onCancel={() => setEditing(null)}
                    onDone={() => {
                      setEditing(null);
                      list.reload();
                    }}
                  />
                </td>
              </tr>
            ) : null,
          ]}
        />
        {list.data && list.data.length === 0 && !search ? <SetupChecklist /> : null}
      </Section>
      <Section title={L('新志愿者开户', 'Open a passbook for a new volunteer')}>
        <MemberForm onDone={list.reload} />
      </Section>
      <MemberImport onImported={list.reload} />
    </>
  );
}
