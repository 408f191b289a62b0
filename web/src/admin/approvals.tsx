import { useState } from 'preact/hooks';
import { get, getAll, post, query } from '../api';
import { trimZeros } from '../format';
import { L } from '../i18n';
import { findItem } from '../pages/leader';
import type { ServiceRecord, Standard } from '../types';
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

function RecordRow(props: {
  record: ServiceRecord;
  standard: Standard | undefined;
  onDone: () => void;
}) {
  const r = props.record;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  return (
    <tr>
      <td>{r.serviceDate}</td>
      <td>{r.memberName ?? `#${r.memberId}`}</td>
      <td>{r.itemName ?? findItem(props.standard, r.itemCode)?.name ?? r.itemCode}</td>
      <td class="num">{trimZeros(r.quantity)}</td>
      <td class="num">{r.points}</td>
      <td class="actions">
        {rejecting ? (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void action.run(async () => {
                await post(`/service-records/${encodeURIComponent(String(r.id))}/reject`, {
                  reason: reason.trim(),
                });
                props.onDone();
              });
            }}
          >
            <Field label={L('不通过的原因', 'Reason')}>
              <input
                value={reason}
                onInput={(e) => setReason(inputValue(e))}
                maxLength={TEXT_MAX.reason}
                required
              />
            </Field>
            <button type="submit" class="btn btn-danger btn-small" disabled={action.busy}>
              {L('确认不通过', 'Reject')}
            </button>
            <button type="button" class="btn-link" onClick={() => setRejecting(false)}>
              {L('取消', 'Cancel')}
            </button>
          </form>
        ) : (
          <>
            <button
              type="button"
              class="btn btn-primary btn-small"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  await post(`/service-records/${encodeURIComponent(String(r.id))}/approve`);
                  props.onDone();
                })
              }
            >
              {L('通过', 'Approve')}
            </button>
            <button type="button" class="btn-link" onClick={() => setRejecting(true)}>
              {L('不通过', 'Reject')}
            </button>
          </>
        )}
        <ErrorMsg error={action.error} />
      </td>
    </tr>
  );
}

export function ApprovalsSection() {
  const list = useLoad(
    (signal) => getAll<ServiceRecord>(`/service-records${query({ status: 'pending' })}`, signal),
    [],
  );
  const standard = useLoad((signal) => get<Standard>('/standard', { signal }), []);
  return (
    <Section title={L('待审核的服务记录', 'Service records awaiting approval')}>
      <p class="muted">
        {L(
          '开启审核后，队长记录的服务要经管理员通过才入账。',
          'With approval on, records logged by leaders move points only once approved.',
        )}
      </p>
      {list.error ? <ErrorMsg error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.length === 0 ? (
        <Msg kind="info">{L('没有待审核的记录。', 'Nothing awaits approval.')}</Msg>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{L('日期', 'Date')}</th>
                <th>{L('志愿者', 'Volunteer')}</th>
                <th>{L('项目', 'Item')}</th>
                <th class="num">{L('数量', 'Qty')}</th>
                <th class="num">{L('积分', 'Points')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <RecordRow
                  key={String(r.id)}
                  record={r}
                  standard={standard.data}
                  onDone={list.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
