import { useState } from 'preact/hooks';
import { get, getAll, post, query } from '../api';
import { clockTime, type EventView } from '../events';
import { formatHours, trimZeros, unitLabel } from '../format';
import { L } from '../i18n';
import { EventWhen } from '../ui/event-when';
import { formatCents, toCents } from '../points';
import { findItem } from '../pages/leader';
import type { ServiceRecord, Standard } from '../types';
import { ErrorMsg, Msg, Section, useAction, useLoad } from '../ui/components';
import { Form, useForm } from '../ui/form';
import { List } from '../ui/list';
import { DECISION_IDS_MAX, TEXT_MAX } from '../limits';

/** Sums of a group's records: people, points, hours. */
function totalsOf(records: ServiceRecord[]): { people: number; points: string; hours: string } {
  const people = new Set(records.map((r) => r.memberId)).size;
  const points = records.reduce((s, r) => s + (toCents(r.points) ?? 0), 0);
  const hours = records.reduce((s, r) => s + (toCents(r.hours ?? '0') ?? 0), 0);
  return { people, points: formatCents(points), hours: formatCents(hours) };
}

/** The ids in slices the bulk endpoints take (each slice is one transaction of its own). */
function slices<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) {
    out.push(list.slice(i, i + size));
  }
  return out;
}

/** A reason box and its button, for rejecting a whole event or the ticked records. */
function RejectForm(props: {
  label: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const form = useForm({ reason: '' });
  return (
    <Form
      form={form}
      inline
      class="inline-form reject-form"
      fields={[
        {
          key: 'reason',
          name: 'reason',
          maxLength: TEXT_MAX.reason,
          required: true,
          label: L('不通过的原因（会告诉队长）', 'Reason (the leader sees it)'),
        },
      ]}
      submit={props.label}
      submitClass="btn-danger"
      disabled={props.busy || !form.values.reason.trim()}
      actions={
        <button type="button" class="btn-link" onClick={props.onCancel}>
          {L('取消', 'Cancel')}
        </button>
      }
      onSubmit={async ({ reason }) => {
        if (reason.trim()) {
          props.onReject(reason.trim());
        }
      }}
    />
  );
}

function servedText(r: ServiceRecord): string {
  if (r.startedAt && r.endedAt) {
    const corrected = r.hoursSource === 'corrected' ? L('（补录）', ' (corrected)') : '';
    return `${clockTime(r.startedAt)}–${clockTime(r.endedAt)}${corrected}`;
  }
  return '—';
}

/** One group of pending records: an event's, or those logged by the forms (eventId null). */
function PendingGroup(props: {
  eventId: number | null;
  event: EventView | undefined;
  records: ServiceRecord[];
  standard: Standard | undefined;
  /** Records just decided: they leave the list at once (the reload follows). */
  onDecided: (ids: string[]) => void;
  onDone: (sentence: string) => void;
}) {
  const { eventId, event, records } = props;
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<'event' | 'ticked' | null>(null);
  const action = useAction();
  const totals = totalsOf(records);
  const tickedRecords = records.filter((r) => ticked.has(String(r.id)));
  const allTicked = records.length > 0 && tickedRecords.length === records.length;
  const name = event
    ? `「${event.title}」`
    : eventId === null
      ? L('不属于活动的记录（表单登记）', 'Records not of an event (logged by form)')
      : L(`活动 ${eventId} 号`, `event ${eventId}`);

  const toggle = (id: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });

  const approveEvent = () =>
    void action.run(async () => {
      const res = await post<{ approved: number }>(`/events/${eventId}/approve`, {});
      props.onDecided(records.map((r) => String(r.id)));
      props.onDone(
        L(
          `已通过${name}的 ${res.approved} 条记录。`,
          `Approved ${res.approved} records of ${name}.`,
        ),
      );
    });
  const rejectEvent = (reason: string) =>
    void action.run(async () => {
      const res = await post<{ rejected: number }>(`/events/${eventId}/reject`, { reason });
      props.onDecided(records.map((r) => String(r.id)));
      props.onDone(
        L(
          `已驳回${name}的 ${res.rejected} 条记录。`,
          `Rejected ${res.rejected} records of ${name}.`,
        ),
      );
    });
  const decideTicked = (decision: 'approve' | 'reject', reason?: string) =>
    void action.run(async () => {
      const ids = tickedRecords.map((r) => Number(r.id));
      let n = 0;
      for (const part of slices(ids, DECISION_IDS_MAX)) {
        const res = await post<{ approved?: number; rejected?: number }>(
          `/service-records/${decision}`,
          decision === 'approve' ? { ids: part } : { ids: part, reason },
        );
        n += (decision === 'approve' ? res.approved : res.rejected) ?? part.length;
        // Each slice is its own transaction: what it decided is done even if a later one fails.
        props.onDecided(part.map(String));
      }
      setTicked(new Set());
      props.onDone(
        decision === 'approve'
          ? L(`已通过 ${n} 条记录。`, `Approved ${n} records.`)
          : L(`已驳回 ${n} 条记录。`, `Rejected ${n} records.`),
      );
    });

  return (
    <li class="approval-group card" data-testid={`pending-group-${eventId ?? 'forms'}`}>
      <div class="approval-head">
        <h3>{name}</h3>
        {event ? (
          <p class="muted">
            <EventWhen date={event.date} startsAt={event.startsAt} endsAt={event.endsAt} /> ·{' '}
            {event.place}
            {event.teams.length ? ` · ${event.teams.map((t) => t.name).join('、')}` : ''}
          </p>
        ) : null}
        <p class="approval-totals" data-testid="group-totals">
          {L(
            `${records.length} 条待审核 · ${totals.people} 人 · ${totals.points} 分 · ${formatHours(totals.hours)}`,
            `${records.length} pending · ${totals.people} people · ${totals.points} points · ${formatHours(totals.hours)}`,
          )}
        </p>
      </div>
      {eventId !== null ? (
        rejecting === 'event' ? (
          <RejectForm
            label={L(
              `驳回整个活动（${records.length} 条）`,
              `Reject the event (${records.length})`,
            )}
            busy={action.busy}
            onReject={rejectEvent}
            onCancel={() => setRejecting(null)}
          />
        ) : (
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              disabled={action.busy}
              onClick={approveEvent}
              data-testid="approve-event"
            >
              {L(`整个活动通过（${records.length} 条）`, `Approve the event (${records.length})`)}
            </button>
            <button
              type="button"
              class="btn btn-danger"
              disabled={action.busy}
              onClick={() => setRejecting('event')}
            >
              {L('整个活动不通过…', 'Reject the event…')}
            </button>
          </div>
        )
      ) : null}
      <ErrorMsg
        error={action.error}
        ctx={{
          standardItemName: (code) => findItem(props.standard, String(code))?.name,
        }}
      />
      <details class="approval-records" open={eventId === null}>
        <summary>
          {L(`逐条查看，勾选其中几条（${records.length} 条）`, `One by one (${records.length})`)}
        </summary>
        <div class="row approval-tick-actions">
          <label class="tick-all">
            <input
              type="checkbox"
              checked={allTicked}
              onChange={(e) =>
                setTicked(
                  e.currentTarget.checked ? new Set(records.map((r) => String(r.id))) : new Set(),
                )
              }
              data-testid="tick-all"
            />
            <span>{L('全选', 'All')}</span>
          </label>
          {rejecting === 'ticked' ? (
            <RejectForm
              label={L(
                `驳回选中的 ${tickedRecords.length} 条`,
                `Reject ${tickedRecords.length} ticked`,
              )}
              busy={action.busy}
              onReject={(reason) => decideTicked('reject', reason)}
              onCancel={() => setRejecting(null)}
            />
          ) : (
            <>
              <button
                type="button"
                class="btn btn-primary btn-small"
                disabled={action.busy || tickedRecords.length === 0}
                onClick={() => decideTicked('approve')}
                data-testid="approve-ticked"
              >
                {L(
                  `通过选中的 ${tickedRecords.length} 条`,
                  `Approve ${tickedRecords.length} ticked`,
                )}
              </button>
              <button
                type="button"
                class="btn btn-danger btn-small"
                disabled={action.busy || tickedRecords.length === 0}
                onClick={() => setRejecting('ticked')}
              >
                {L('驳回选中的…', 'Reject ticked…')}
              </button>
            </>
          )}
        </div>
        <div class="table-wrap">
          <table class="table table-cards">
            <thead>
              <tr>
                <th />
                <th>{L('日期', 'Date')}</th>
                <th>{L('志愿者', 'Volunteer')}</th>
                <th>{L('项目', 'Item')}</th>
                <th class="num">{L('数量', 'Qty')}</th>
                <th class="num">{L('时长', 'Hours')}</th>
                <th>{L('签到—签退', 'In–out')}</th>
                <th class="num">{L('积分', 'Points')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => {
                const id = String(r.id);
                const item = r.itemName ?? findItem(props.standard, r.itemCode)?.name ?? r.itemCode;
                return (
                  <tr key={id} class={ticked.has(id) ? 'ticked' : ''}>
                    <td>
                      <input
                        type="checkbox"
                        checked={ticked.has(id)}
                        onChange={(e) => toggle(id, e.currentTarget.checked)}
                        aria-label={L(
                          `选中 ${r.memberName ?? r.memberId} 的记录`,
                          `Tick the record of ${r.memberName ?? r.memberId}`,
                        )}
                        data-testid={`tick-record-${id}`}
                      />
                    </td>
                    <td data-label={L('日期', 'Date')}>{r.serviceDate}</td>
                    <td data-label={L('志愿者', 'Volunteer')}>
                      {r.memberName ?? `#${r.memberId}`}
                    </td>
                    <td data-label={L('项目', 'Item')}>
                      {item}
                      {r.confirmedDistinctFrom ? (
                        <small class="muted">
                          {L(
                            `（确认是另一次服务，不同于记录 ${r.confirmedDistinctFrom} 号）`,
                            ` (confirmed distinct from record ${r.confirmedDistinctFrom})`,
                          )}
                        </small>
                      ) : null}
                    </td>
                    <td class="num" data-label={L('数量', 'Qty')}>
                      {trimZeros(r.quantity)} {r.unit ? unitLabel(r.unit) : ''}
                    </td>
                    <td class="num" data-label={L('时长', 'Hours')}>
                      {r.hours !== undefined ? formatHours(r.hours) : ''}
                    </td>
                    <td data-label={L('签到—签退', 'In–out')}>{servedText(r)}</td>
                    <td class="num" data-label={L('积分', 'Points')}>
                      {r.points}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </li>
  );
}

/**
 * Pending service records by event: a whole event is approved or rejected in one request, the
 * rest by ticking (hundreds in one go), so 200 records never take 200 clicks.
 */
export function ApprovalsSection() {
  const list = useLoad(
    (signal) => getAll<ServiceRecord>(`/service-records${query({ status: 'pending' })}`, signal),
    [],
  );
  const standard = useLoad((signal) => get<Standard>('/standard', { signal }), []);
  const [done, setDone] = useState<string | null>(null);
  const records = list.data ?? [];
  const eventIds = [
    ...new Set(records.map((r) => r.eventId).filter((id): id is number => typeof id === 'number')),
  ].sort((a, b) => b - a);
  const events = useLoad(
    async (signal) => {
      const views = await Promise.all(
        eventIds.map((id) => get<EventView>(`/events/${id}`, { signal }).catch(() => null)),
      );
      return new Map(views.filter((v): v is EventView => v !== null).map((v) => [v.id, v]));
    },
    [eventIds.join(',')],
  );
  const groups: { eventId: number | null; records: ServiceRecord[] }[] = eventIds.map((id) => ({
    eventId: id,
    records: records.filter((r) => r.eventId === id),
  }));
  const byForm = records.filter((r) => typeof r.eventId !== 'number');
  if (byForm.length > 0) {
    groups.push({ eventId: null, records: byForm });
  }
  const onDecided = (ids: string[]) => {
    const gone = new Set(ids);
    list.setData((prev) => (prev ?? []).filter((r) => !gone.has(String(r.id))));
  };
  const onDone = (sentence: string) => {
    setDone(sentence);
    list.reload();
  };
  return (
    <Section title={L('待审核的服务记录', 'Service records awaiting approval')}>
      <p class="muted">
        {L(
          '开启审核后，队长记录的服务要经管理员通过才入账。一个活动的记录可以一次全部通过。',
          'With approval on, records logged by leaders move points only once approved; an event’s records are approved at once.',
        )}
      </p>
      {done ? (
        <Msg kind="ok" testId="approvals-done">
          {done}
        </Msg>
      ) : null}
      <List
        load={list}
        empty={<Msg kind="info">{L('没有待审核的记录。', 'Nothing awaits approval.')}</Msg>}
      >
        {() => (
          <>
            <p data-testid="pending-summary">
              {L(
                `共 ${records.length} 条待审核${eventIds.length ? `，来自 ${eventIds.length} 个活动` : ''}。`,
                `${records.length} pending${eventIds.length ? `, from ${eventIds.length} event(s)` : ''}.`,
              )}
            </p>
            <ul class="plain-list approval-groups">
              {groups.map((g) => (
                <PendingGroup
                  key={g.eventId ?? 'forms'}
                  eventId={g.eventId}
                  event={g.eventId === null ? undefined : events.data?.get(g.eventId)}
                  records={g.records}
                  standard={standard.data}
                  onDecided={onDecided}
                  onDone={onDone}
                />
              ))}
            </ul>
          </>
        )}
      </List>
    </Section>
  );
}
