import { useState } from 'preact/hooks';
import { enc, get, itemsOf, patch, post, query, Submission } from '../api';
import { resetPin } from '../endpoints';
import { memberKindLabel, todayLocal } from '../format';
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
import { MemberExport, MemberImport } from './import';
import { TEXT_MAX } from '../limits';
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

function NewMemberForm(props: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'party_member' | 'resident'>('resident');
  const [phone, setPhone] = useState('');
  const [pin, setPin] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const [created, setCreated] = useState<Member | null>(null);
  /** Passbooks already open under this name: shown once, then 仍然开户 opens another. */
  const [dupes, setDupes] = useState<{ key: string; items: SameNamed[] } | null>(null);
  const action = useAction();
  const personKey = `${name.trim()}|${phone.trim()}`;
  return (
    <form
      class="stack"
      data-testid="new-member"
      onSubmit={(e) => {
        e.preventDefault();
        setCreated(null);
        void action.run(async () => {
          if (dupes?.key !== personKey) {
            const found = await get<{ items: SameNamed[] }>(
              `/members/duplicates${query({ name: name.trim(), phone: phone.trim() })}`,
            );
            if (found.items.length > 0) {
              setDupes({ key: personKey, items: found.items });
              return;
            }
          }
          setDupes(null);
          const m = await post<Member>('/members', {
            name: name.trim(),
            kind,
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(pin.trim() ? { pin: pin.trim() } : {}),
            ...(joinedOn ? { joinedOn } : {}),
          });
          setCreated(m);
          setName('');
          setPhone('');
          setPin('');
          setJoinedOn('');
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
            maxLength={TEXT_MAX.name}
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
        <Field
          label={L(
            '加入日期（纸质登记的日期，不填为今天）',
            'Joined on (from the paper register; blank = today)',
          )}
        >
          <input
            name="joinedOn"
            type="date"
            min="2000-01-01"
            value={joinedOn}
            onInput={(e) => setJoinedOn(inputValue(e))}
          />
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
      {dupes && dupes.key === personKey ? (
        <Msg kind="warn" testId="duplicate-warning">
          {dupes.items.some((d) => d.samePhone)
            ? L(
                `${name.trim()}（同一个电话）已经有存折了，很可能是同一个人，请不要重复开户：`,
                `${name.trim()} with this phone already has a passbook; most likely the same person:`,
              )
            : L(
                `已经有叫 ${name.trim()} 的志愿者，请确认不是同一个人：`,
                `A volunteer named ${name.trim()} already exists; make sure this is someone else:`,
              )}
          <ul>
            {dupes.items.map((d) => (
              <li key={d.id}>
                <Link href={`/admin/passbook/${enc(d.passbookNo)}`}>{d.passbookNo}</Link>{' '}
                {d.phone ?? L('（无电话）', '(no phone)')}
                {d.samePhone ? L('，电话相同', ', same phone') : ''}
                {d.active ? '' : L('，已停用', ', deactivated')}
              </li>
            ))}
          </ul>
          {L(
            '确实是另一个人，请再按一次“仍然开户”。',
            'If it is someone else, press “Open anyway”.',
          )}
        </Msg>
      ) : null}
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
        {dupes && dupes.key === personKey
          ? L('仍然开户', 'Open anyway')
          : L('开户', 'Open passbook')}
      </button>
    </form>
  );
}

/** 修改 / 停用: name, kind, phone, join date and identity document, or no longer able to log in (history stays). */
function MemberEdit(props: { member: Member; onDone: () => void; onCancel: () => void }) {
  const m = props.member;
  const [name, setName] = useState(m.name);
  const [kind, setKind] = useState(m.kind);
  const [phone, setPhone] = useState(m.phone ?? '');
  const [joinedOn, setJoinedOn] = useState(m.joinedOn ?? '');
  const [idType, setIdType] = useState(m.idDocument?.type ?? 'resident_id');
  const [idNumber, setIdNumber] = useState('');
  const action = useAction();
  return (
    <>
      <form
        class="stack"
        data-testid="member-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await patch(`/members/${m.id}`, {
              name: name.trim(),
              kind,
              phone: phone.trim() ? phone.trim() : null,
              ...(joinedOn && joinedOn !== m.joinedOn ? { joinedOn } : {}),
              // Left blank, the stored document stays (it is only ever shown masked).
              ...(idNumber.trim() ? { idDocument: { type: idType, number: idNumber.trim() } } : {}),
            });
            props.onDone();
          });
        }}
      >
        <div class="grid-2">
          <Field label={L('姓名', 'Name')}>
            <input
              name="editName"
              value={name}
              onInput={(e) => setName(inputValue(e))}
              maxLength={TEXT_MAX.name}
              required
            />
          </Field>
          <Field label={L('身份', 'Kind')}>
            <select
              name="editKind"
              value={kind}
              onChange={(e) => setKind(inputValue(e) as Member['kind'])}
            >
              <option value="resident">{memberKindLabel('resident')}</option>
              <option value="party_member">{memberKindLabel('party_member')}</option>
            </select>
          </Field>
          <Field label={L('电话（11位手机号，可不填）', 'Phone (11-digit mobile, optional)')}>
            <input
              name="editPhone"
              type="tel"
              value={phone}
              onInput={(e) => setPhone(inputValue(e))}
            />
          </Field>
          <Field label={L('加入日期', 'Joined on')}>
            <input
              name="editJoinedOn"
              type="date"
              min="2000-01-01"
              value={joinedOn}
              onInput={(e) => setJoinedOn(inputValue(e))}
            />
          </Field>
          <Field label={L('证件类型', 'ID document type')}>
            <select name="editIdType" value={idType} onChange={(e) => setIdType(inputValue(e))}>
              {ID_TYPES.map(([code, zh, en]) => (
                <option key={code} value={code}>
                  {L(zh, en)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={
              m.idDocument
                ? L(
                    `证件号码（已登记 ${m.idDocument.number}，不改请留空）`,
                    `ID number (on file: ${m.idDocument.number}; leave blank to keep)`,
                  )
                : L(
                    '证件号码（开具证明、上报用，可不填）',
                    'ID number (for certificates; optional)',
                  )
            }
          >
            <input
              name="editIdNumber"
              value={idNumber}
              autoComplete="off"
              onInput={(e) => setIdNumber(inputValue(e))}
              maxLength={TEXT_MAX.idNumber}
            />
          </Field>
        </div>
        <ErrorMsg error={action.error} ctx={{ subject: 'member' }} />
        <div class="inline-form">
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('保存', 'Save')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={props.onCancel}>
            {L('取消', 'Cancel')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={action.busy}
            onClick={() => {
              const off = m.active !== false;
              if (
                confirm(
                  off
                    ? L(
                        `停用 ${m.name}？停用后不能再登录，积分和记录都保留，可以再恢复。`,
                        `Deactivate ${m.name}? They can no longer log in; points and history stay.`,
                      )
                    : L(`恢复 ${m.name}？`, `Re-activate ${m.name}?`),
                )
              ) {
                void action.run(async () => {
                  await patch(`/members/${m.id}`, { active: !off });
                  props.onDone();
                });
              }
            }}
          >
            {m.active === false ? L('恢复', 'Re-activate') : L('停用', 'Deactivate')}
          </button>
        </div>
      </form>
      <CertificateIssue member={m} />
    </>
  );
}

/** 开具志愿服务记录证明: the period and the handler, then the printable certificate. */
function CertificateIssue(props: { member: Member }) {
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [handler, setHandler] = useState('');
  const [purpose, setPurpose] = useState('');
  const [submission] = useState(() => new Submission());
  const action = useAction();
  return (
    <form
      class="stack"
      data-testid="certificate-issue"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const issued = await submission.send<{ number: string }>('POST', '/certificates', {
            memberId: props.member.id,
            from,
            to,
            handler: handler.trim(),
            ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
          });
          navigate(`/print/certificate/${enc(issued.number)}`);
        });
      }}
    >
      <h3>{L('开具志愿服务记录证明', 'Issue a certificate of volunteer service')}</h3>
      <div class="grid-2">
        <Field label={L('服务起始日期', 'From')}>
          <input
            type="date"
            name="certFrom"
            value={from}
            onInput={(e) => setFrom(inputValue(e))}
            required
          />
        </Field>
        <Field label={L('服务截止日期', 'To')}>
          <input
            type="date"
            name="certTo"
            value={to}
            max={today}
            onInput={(e) => setTo(inputValue(e))}
            required
          />
        </Field>
        <Field label={L('经办人', 'Handled by')}>
          <input
            name="certHandler"
            value={handler}
            onInput={(e) => setHandler(inputValue(e))}
            maxLength={TEXT_MAX.name}
            required
          />
        </Field>
        <Field label={L('用途（可不填）', 'Purpose (optional)')}>
          <input
            name="certPurpose"
            value={purpose}
            onInput={(e) => setPurpose(inputValue(e))}
            maxLength={TEXT_MAX.reason}
          />
        </Field>
      </div>
      <ErrorMsg error={action.error} ctx={{ subject: 'member' }} />
      <div class="inline-form">
        <button type="submit" class="btn btn-primary" disabled={action.busy}>
          {L('开具并打印', 'Issue and print')}
        </button>
      </div>
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
      <Section title={L('志愿者', 'Volunteers')} actions={<MemberExport />}>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <Field label={L('按姓名、存折号查找', 'Find by name or passbook number')}>
            <input
              name="q"
              value={q}
              onInput={(e) => setQ(inputValue(e))}
              maxLength={TEXT_MAX.search}
            />
          </Field>
          <button type="submit" class="btn btn-secondary">
            {L('查找', 'Search')}
          </button>
        </form>
        {list.error ? <ErrorMsg error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <div class="table-wrap">
            <table class="table table-cards" data-testid="members-table">
              <thead>
                <tr>
                  <th>{L('姓名', 'Name')}</th>
                  <th>{L('身份', 'Kind')}</th>
                  <th>{L('存折号', 'Passbook')}</th>
                  <th>{L('电话', 'Phone')}</th>
                  <th class="num">{L('余额', 'Balance')}</th>
                  <th>{L('状态', 'Status')}</th>
                  <th>{L('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.flatMap((m) => [
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
                      <Link href={`/admin/passbook/${enc(m.passbookNo)}`}>
                        {L('明细', 'Statement')}
                      </Link>
                      <Link href={`/print/${enc(m.passbookNo)}`}>{L('打印存折', 'Print')}</Link>
                      <PinReset member={m} />
                    </td>
                  </tr>,
                  editing === m.id ? (
                    <tr key={`edit-${m.id}`} class="edit-row">
                      <td colSpan={7}>
                        <MemberEdit
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
                ])}
                {list.data.length === 0 && search ? (
                  <tr>
                    <td colSpan={7} class="muted">
                      {L('没有找到。', 'None found.')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        ) : null}
        {list.data && list.data.length === 0 && !search ? <SetupChecklist /> : null}
      </Section>
      <Section title={L('新志愿者开户', 'Open a passbook for a new volunteer')}>
        <NewMemberForm onCreated={list.reload} />
      </Section>
      <MemberImport onImported={list.reload} />
    </>
  );
}
