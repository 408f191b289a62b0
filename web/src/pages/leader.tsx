import { useEffect, useState } from 'preact/hooks';
import type { components } from '../api-schema';
import { get, getAll, query, Submission, type Session } from '../api';
import { loadTeamMembers, loadTeams } from '../endpoints';
import { addDays, todayLocal, trimZeros, unitLabel } from '../format';
import { L } from '../i18n';
import { formatCents, isPositiveAmount, multiplyCents, toCents } from '../points';
import type { Member, ServiceRecord, Standard, StandardItem, Team } from '../types';
import { DuplicateConfirm, likelyDuplicates, type LikelyDuplicate } from '../ui/duplicate-confirm';
import {
  ErrorMsg,
  Field,
  inputValue,
  Loading,
  Msg,
  Section,
  useAction,
  useLoad,
} from '../ui/components';
import { TEXT_MAX } from '../limits';
import { onLinkClick } from '../router';
import { TeamOrdersSection } from './orders';

/** A quantity of times: a whole number ("2", "2.00"), not "1.5". */
function isWholeUnits(text: string): boolean {
  const cents = toCents(text);
  return cents !== null && cents % 100 === 0;
}

function daysAgo(days: number): string {
  return addDays(todayLocal(), -days);
}

export function recordStatusLabel(status: string): string {
  switch (status) {
    case 'posted':
      return L('已入账', 'posted');
    case 'pending':
      return L('待审核', 'awaiting approval');
    case 'rejected':
      return L('未通过', 'rejected');
    default:
      return status;
  }
}

export function findItem(standard: Standard | undefined, code: string): StandardItem | undefined {
  for (const c of standard?.categories ?? []) {
    const found = c.items.find((i) => i.code === code);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The standard's items as a grouped choice: category, then item with its unit and rate. */
export function ItemSelect(props: {
  standard: Standard;
  value: string;
  onChange: (code: string) => void;
  name?: string;
}) {
  return (
    <select
      name={props.name ?? 'itemCode'}
      value={props.value}
      onChange={(e) => props.onChange(inputValue(e))}
      required
    >
      <option value="">{L('请选择服务项目', 'Choose a service item')}</option>
      {props.standard.categories.map((c) => (
        <optgroup key={c.code} label={c.name}>
          {c.items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}（{trimZeros(i.pointsPerUnit)} {L('分', 'pts')}/{unitLabel(i.unit)}）
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function LoggedRecords(props: {
  teamId: number;
  version: number;
  members: Member[];
  standard: Standard | undefined;
}) {
  const from = daysAgo(30);
  const records = useLoad(
    (signal) =>
      getAll<ServiceRecord>(
        `/service-records${query({ teamId: props.teamId, from, to: todayLocal() })}`,
        signal,
      ),
    [props.teamId, props.version],
  );
  const nameOf = (r: ServiceRecord) =>
    r.memberName ?? props.members.find((m) => m.id === r.memberId)?.name ?? `#${r.memberId}`;
  if (records.error) {
    return <ErrorMsg error={records.error} />;
  }
  if (!records.data) {
    return <Loading />;
  }
  if (records.data.length === 0) {
    return <p class="muted">{L('最近30天没有记录。', 'Nothing logged in the last 30 days.')}</p>;
  }
  const sorted = [...records.data].sort((a, b) =>
    a.serviceDate < b.serviceDate ? 1 : a.serviceDate > b.serviceDate ? -1 : 0,
  );
  return (
    <div class="table-wrap">
      {/* On a phone each record is a small card, so points and status are never off-screen. */}
      <table class="table table-cards" data-testid="logged-records">
        <thead>
          <tr>
            <th>{L('日期', 'Date')}</th>
            <th>{L('志愿者', 'Volunteer')}</th>
            <th>{L('项目', 'Item')}</th>
            <th class="num">{L('数量', 'Qty')}</th>
            <th class="num">{L('积分', 'Points')}</th>
            <th>{L('状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={String(r.id)}>
              <td data-label={L('日期', 'Date')}>{r.serviceDate}</td>
              <td data-label={L('志愿者', 'Volunteer')}>{nameOf(r)}</td>
              <td data-label={L('项目', 'Item')}>
                {r.itemName ?? findItem(props.standard, r.itemCode)?.name ?? r.itemCode}
              </td>
              <td class="num" data-label={L('数量', 'Qty')}>
                {trimZeros(r.quantity)}
              </td>
              <td class="num" data-label={L('积分', 'Points')} data-testid="record-points">
                {r.points}
              </td>
              <td data-label={L('状态', 'Status')} data-testid="record-status">
                {recordStatusLabel(r.status)}
                {r.rejectReason ? `：${r.rejectReason}` : ''}
                {r.reversalTransactionId ? L('（已冲正）', ' (reversed)') : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ActivityBody = components['schemas']['CreateActivityDto'];

interface Row {
  ticked: boolean;
  quantity: string;
}

const EMPTY_ROW: Row = { ticked: false, quantity: '' };

export function LeaderPage(_props: { session: Session }) {
  const teams = useLoad((signal) => loadTeams(signal), []);
  const [teamId, setTeamId] = useState<number | null>(null);
  const [serviceDate, setServiceDate] = useState(todayLocal());
  const standard = useLoad(
    (signal) => get<Standard>(`/standard${query({ date: serviceDate })}`, { signal }),
    [serviceDate],
  );
  const members = useLoad(
    (signal) =>
      teamId === null ? Promise.resolve([] as Member[]) : loadTeamMembers(teamId, signal),
    [teamId],
  );
  const [itemCode, setItemCode] = useState('');
  const [title, setTitle] = useState('');
  const [everyone, setEveryone] = useState('');
  const [rows, setRows] = useState<Record<number, Row>>({});
  const [submission, setSubmission] = useState(() => new Submission());
  const [result, setResult] = useState<{
    count: number;
    totalCents: number;
    pending: number;
  } | null>(null);
  const [version, setVersion] = useState(0);
  const action = useAction();

  useEffect(() => {
    if (teamId === null && teams.data && teams.data.length > 0) {
      setTeamId(teams.data[0].id);
    }
  }, [teams.data, teamId]);
  useEffect(() => setRows({}), [teamId]);

  const item = findItem(standard.data, itemCode);
  const rateCents = item ? (toCents(item.pointsPerUnit) ?? 0) : 0;
  const memberList = members.data ?? [];
  const ticked = memberList.filter((m) => rows[m.id]?.ticked);
  const badRows = ticked.filter((m) => !isPositiveAmount(rows[m.id]?.quantity ?? ''));
  // An item counted in times (次) takes whole numbers only, as the service checks.
  const fractional =
    item?.unit === 'time'
      ? ticked.filter((m) => !isWholeUnits(rows[m.id]?.quantity ?? '') && !badRows.includes(m))
      : [];
  const capCents = item?.maxUnitsPerDay ? toCents(item.maxUnitsPerDay) : null;
  const overCap =
    capCents !== null
      ? ticked.filter((m) => (toCents(rows[m.id]?.quantity ?? '') ?? 0) > capCents)
      : [];
  const totalCents = ticked.reduce(
    (sum, m) => sum + multiplyCents(toCents(rows[m.id]?.quantity ?? '') ?? 0, rateCents),
    0,
  );
  const today = todayLocal();
  const ready =
    Boolean(item) &&
    teamId !== null &&
    ticked.length > 0 &&
    badRows.length === 0 &&
    fractional.length === 0 &&
    overCap.length === 0 &&
    serviceDate <= today &&
    title.trim() !== '';

  const setRow = (id: number, patch: Partial<Row>) =>
    setRows((prev) => ({ ...prev, [id]: { ...(prev[id] ?? EMPTY_ROW), ...patch } }));
  const fillAll = () => {
    if (!isPositiveAmount(everyone)) {
      return;
    }
    setRows((prev) => {
      const next = { ...prev };
      for (const m of memberList) {
        next[m.id] = { ticked: true, quantity: everyone.trim() };
      }
      return next;
    });
  };
  const tickAll = (on: boolean) =>
    setRows((prev) => {
      const next = { ...prev };
      for (const m of memberList) {
        next[m.id] = { ...(prev[m.id] ?? { ...EMPTY_ROW, quantity: everyone.trim() }), ticked: on };
      }
      return next;
    });

  // The body refused as a likely duplicate, kept to send again once the leader confirms it.
  const [duplicate, setDuplicate] = useState<{
    body: ActivityBody;
    duplicates: LikelyDuplicate[];
  } | null>(null);
  useEffect(() => setDuplicate(null), [teamId, serviceDate, itemCode, rows, title]);

  const send = (body: ActivityBody) =>
    void action.run(async () => {
      setResult(null);
      let res: { id: number; records: ServiceRecord[] };
      try {
        // After an answer the Submission takes a fresh key: a confirmed resend is a new request.
        res = await submission.send<{ id: number; records: ServiceRecord[] }>(
          'POST',
          '/activities',
          body,
        );
      } catch (err) {
        const found = likelyDuplicates(err);
        setDuplicate(found && !body.confirmDuplicate ? { body, duplicates: found } : null);
        throw err;
      }
      setDuplicate(null);
      const sum = res.records.reduce((s, r) => s + (toCents(r.points) ?? 0), 0);
      setResult({
        count: res.records.length,
        totalCents: sum,
        pending: res.records.filter((r) => r.status === 'pending').length,
      });
      setRows({});
      setSubmission(new Submission());
      setVersion((v) => v + 1);
    });

  const submit = (e: Event) => {
    e.preventDefault();
    if (!ready || teamId === null) {
      return;
    }
    send({
      teamId,
      itemCode,
      title: title.trim(),
      serviceDate,
      participants: ticked.map((m) => ({
        memberId: m.id,
        quantity: rows[m.id].quantity.trim(),
      })),
    });
  };

  const memberName = (id: unknown) => memberList.find((m) => m.id === Number(id))?.name;

  return (
    <main class="page" data-testid="leader-page">
      <h1>{L('记录服务队活动', 'Log a team activity')}</h1>
      <p>
        <a
          href="/leader/events"
          class="btn btn-secondary btn-big"
          data-testid="events-link"
          onClick={(e) => onLinkClick(e, '/leader/events')}
        >
          {L('我的活动：计划、签到、结束记分 ›', 'My events: plan, check-in, close ›')}
        </a>
      </p>
      {teams.error ? <ErrorMsg error={teams.error} ctx={{ subject: 'team' }} /> : null}
      {teams.data && teams.data.length === 0 ? (
        <Msg kind="info">
          {L(
            '您还没有带领的服务队，请联系社区管理员。',
            'You lead no team yet; ask the community administrator.',
          )}
        </Msg>
      ) : null}
      <form class="card stack" onSubmit={submit} data-testid="activity-form">
        <div class="grid-2">
          <Field label={L('服务队', 'Team')}>
            <select
              name="teamId"
              value={teamId === null ? '' : String(teamId)}
              onChange={(e) => setTeamId(inputValue(e) ? Number(inputValue(e)) : null)}
              required
            >
              {(teams.data ?? []).map((t: Team) => (
                <option key={t.id} value={String(t.id)}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={L('服务日期', 'Service date')}>
            <input
              name="serviceDate"
              type="date"
              value={serviceDate}
              max={today}
              onInput={(e) => setServiceDate(inputValue(e))}
              required
            />
          </Field>
          <Field label={L('服务项目', 'Service item')}>
            {standard.data ? (
              <ItemSelect
                standard={standard.data}
                value={itemCode}
                onChange={(code) => {
                  setItemCode(code);
                  if (!title.trim()) {
                    setTitle(findItem(standard.data, code)?.name ?? '');
                  }
                }}
              />
            ) : standard.error ? (
              <ErrorMsg error={standard.error} />
            ) : (
              <Loading />
            )}
          </Field>
          <Field label={L('活动名称', 'Activity title')}>
            <input
              name="title"
              value={title}
              onInput={(e) => setTitle(inputValue(e))}
              maxLength={TEXT_MAX.activityTitle}
              required
            />
          </Field>
        </div>
        {item ? (
          <p class="muted">
            {L(
              `${item.name}：每${unitLabel(item.unit)} ${trimZeros(item.pointsPerUnit)} 分${item.maxUnitsPerDay ? `，每人每天最多 ${trimZeros(item.maxUnitsPerDay)} ${unitLabel(item.unit)}` : ''}。`,
              `${item.name}: ${trimZeros(item.pointsPerUnit)} points per ${item.unit}${item.maxUnitsPerDay ? `, at most ${trimZeros(item.maxUnitsPerDay)} a day` : ''}.`,
            )}
          </p>
        ) : null}
        <div class="inline-form">
          <Field
            label={
              item
                ? L(`每人${unitLabel(item.unit)}数`, `${unitLabel(item.unit)} each`)
                : L('每人数量', 'Quantity each')
            }
          >
            <input
              name="everyone"
              inputMode="decimal"
              value={everyone}
              onInput={(e) => setEveryone(inputValue(e))}
            />
          </Field>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={fillAll}
            disabled={!isPositiveAmount(everyone) || memberList.length === 0}
          >
            {L('全部勾选并填入', 'Tick all and fill')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => tickAll(false)}>
            {L('全不选', 'Untick all')}
          </button>
        </div>
        {members.error ? <ErrorMsg error={members.error} ctx={{ subject: 'team' }} /> : null}
        {teamId !== null && !members.data && !members.error ? <Loading /> : null}
        {members.data && members.data.length === 0 ? (
          <p class="muted">{L('这个服务队还没有队员。', 'This team has no members yet.')}</p>
        ) : null}
        <ul class="participants" data-testid="participants">
          {memberList.map((m) => {
            const row = rows[m.id];
            const q = row?.quantity ?? '';
            const bad =
              row?.ticked && (!isPositiveAmount(q) || (item?.unit === 'time' && !isWholeUnits(q)));
            const points =
              row?.ticked && !bad ? formatCents(multiplyCents(toCents(q) ?? 0, rateCents)) : '';
            return (
              <li key={m.id} class={`participant ${row?.ticked ? 'ticked' : ''}`}>
                <label class="participant-name">
                  <input
                    type="checkbox"
                    checked={Boolean(row?.ticked)}
                    onChange={(e) =>
                      setRow(m.id, {
                        ticked: e.currentTarget.checked,
                        quantity: q || everyone.trim(),
                      })
                    }
                    data-testid={`tick-${m.id}`}
                  />
                  <span>{m.name}</span>
                  <small class="muted mono">{m.passbookNo}</small>
                </label>
                <input
                  class={`qty ${bad ? 'invalid' : ''}`}
                  inputMode="decimal"
                  aria-label={L(`${m.name} 的数量`, `${m.name} quantity`)}
                  value={q}
                  onInput={(e) => setRow(m.id, { quantity: inputValue(e), ticked: true })}
                  data-testid={`qty-${m.id}`}
                />
                <span class="participant-points num">
                  {points ? `${points} ${L('分', 'pts')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
        {badRows.length ? (
          <Msg kind="warn">
            {L(
              `请给 ${badRows.map((m) => m.name).join('、')} 填写大于0的数量（最多两位小数）。`,
              `Enter a quantity above 0 for ${badRows.map((m) => m.name).join(', ')}.`,
            )}
          </Msg>
        ) : null}
        {fractional.length && item ? (
          <Msg kind="warn" testId="fractional-times">
            {L(
              `「${item.name}」按次计分，次数只能是整数（如 1、2、3）：请改正 ${fractional.map((m) => m.name).join('、')} 的次数。`,
              `"${item.name}" is counted in whole times (1, 2, 3): correct the quantity of ${fractional.map((m) => m.name).join(', ')}.`,
            )}
          </Msg>
        ) : null}
        {overCap.length && item ? (
          <Msg kind="warn">
            {L(
              `${overCap.map((m) => m.name).join('、')} 超过每天上限 ${trimZeros(item.maxUnitsPerDay ?? '')} ${unitLabel(item.unit)}。`,
              `${overCap.map((m) => m.name).join(', ')} over the daily cap of ${trimZeros(item.maxUnitsPerDay ?? '')}.`,
            )}
          </Msg>
        ) : null}
        {serviceDate > today ? (
          <Msg kind="warn">
            {L('服务日期不能是将来。', 'The service date cannot be in the future.')}
          </Msg>
        ) : null}
        <div class="totals">
          <div>
            {L('参加人数', 'Participants')}{' '}
            <strong data-testid="tick-count">{ticked.length}</strong>
          </div>
          <div>
            {L('合计积分', 'Total points')} <strong>{formatCents(totalCents)}</strong>
          </div>
        </div>
        {duplicate ? (
          <DuplicateConfirm
            duplicates={duplicate.duplicates}
            serviceDate={duplicate.body.serviceDate}
            memberName={(id) => memberName(id)}
            itemName={(code) => findItem(standard.data, code)?.name}
            busy={action.busy}
            onConfirm={() => send({ ...duplicate.body, confirmDuplicate: true })}
            onCancel={() => {
              setDuplicate(null);
              action.setError(null);
            }}
          />
        ) : null}
        <ErrorMsg
          error={duplicate ? null : action.error}
          ctx={{
            memberName,
            standardItemName: (code) => findItem(standard.data, String(code))?.name,
            subject: 'team',
          }}
        />
        {result ? (
          <Msg kind="ok" testId="activity-done">
            {L(
              `已记录 ${result.count} 人，共 ${formatCents(result.totalCents)} 分${result.pending ? `（${result.pending} 条待管理员审核后入账）` : ''}。`,
              `Logged ${result.count} people, ${formatCents(result.totalCents)} points${result.pending ? ` (${result.pending} await approval)` : ''}.`,
            )}
          </Msg>
        ) : null}
        <button
          type="submit"
          class="btn btn-primary btn-big"
          disabled={!ready || action.busy}
          data-testid="submit-activity"
        >
          {action.busy
            ? L('正在提交…', 'Submitting…')
            : L(`提交（${ticked.length} 人）`, `Submit (${ticked.length})`)}
        </button>
      </form>
      {teamId !== null ? (
        <Section title={L('最近记录', 'Recently logged')}>
          <LoggedRecords
            teamId={teamId}
            version={version}
            members={memberList}
            standard={standard.data}
          />
        </Section>
      ) : null}
      <TeamOrdersSection teamId={teamId} onLogged={() => setVersion((v) => v + 1)} />
    </main>
  );
}
