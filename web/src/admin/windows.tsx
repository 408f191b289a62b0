import { useState } from 'preact/hooks';
import { get, itemsOf, post } from '../api';
import { formatDateTime, localInputToIso } from '../format';
import { L } from '../i18n';
import { ErrorMsg, Msg, Section, useAction, useLoad } from '../ui/components';
import { ActionButton, Form, useForm } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List } from '../ui/list';
import { useWindowStatus, WindowBanner } from '../ui/passbook';

interface WindowRow {
  id: number;
  kind: string;
  periodKey: string | null;
  opensAt: string;
  closesAt: string;
  note: string | null;
  closedEarly: { by: string; at: string } | null;
}

/** Every window, newest first; one not yet over can be cancelled (future) or closed (open). */
function WindowList(props: { tick: number; onChanged: () => void }) {
  const list = useLoad(
    (signal) =>
      get<unknown>('/redemption-windows?limit=50', { signal }).then((b) => itemsOf<WindowRow>(b)),
    [props.tick],
  );
  const action = useAction();
  const now = new Date().toISOString();
  return (
    <>
      <ErrorMsg error={action.error} ctx={{ subject: 'window' }} />
      <List
        load={list}
        ctx={{ subject: 'window' }}
        testId="windows-table"
        columns={[
          L('兑换期', 'Window'),
          L('开始', 'Opens'),
          L('结束', 'Closes'),
          L('状态', 'Status'),
          L('操作', 'Actions'),
        ]}
        empty={L('还没有兑换期。', 'No windows yet.')}
        row={(w) => {
          const future = w.opensAt > now;
          const over = w.closesAt <= now;
          const cancelled = w.closedEarly !== null && w.closesAt === w.opensAt;
          return (
            <tr key={w.id} data-window={w.id}>
              <td data-label={L('兑换期', 'Window')}>
                {w.periodKey ?? w.note ?? L('临时加开', 'ad hoc')}
              </td>
              <td data-label={L('开始', 'Opens')}>{formatDateTime(w.opensAt)}</td>
              <td data-label={L('结束', 'Closes')}>{formatDateTime(w.closesAt)}</td>
              <td data-label={L('状态', 'Status')}>
                {cancelled
                  ? L('已取消', 'cancelled')
                  : over
                    ? w.closedEarly
                      ? L('已提前结束', 'closed early')
                      : L('已结束', 'over')
                    : future
                      ? L('未开始', 'upcoming')
                      : L('进行中', 'open')}
              </td>
              <td data-label={L('操作', 'Actions')}>
                {!over ? (
                  <ActionButton
                    action={action}
                    confirm={
                      future
                        ? L(
                            `取消 ${formatDateTime(w.opensAt)} 开始的兑换期？取消后它不会开放。`,
                            `Cancel the window opening ${formatDateTime(w.opensAt)}?`,
                          )
                        : L(
                            '现在结束这个兑换期？结束后柜台不能再兑换。',
                            'Close this window now? The counter stops redeeming.',
                          )
                    }
                    onClick={async () => {
                      await post(`/redemption-windows/${w.id}/close`, {});
                      props.onChanged();
                    }}
                  >
                    {future ? L('取消', 'Cancel') : L('提前结束', 'Close now')}
                  </ActionButton>
                ) : null}
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}

export function WindowsSection() {
  const [tick, setTick] = useState(0);
  const status = useWindowStatus();
  const form = useForm({ opensAt: '', closesAt: '', note: '' });
  const { opensAt, closesAt } = form.values;
  const current = status.status?.open ? status.status.window : null;
  return (
    <>
      <Section title={L('兑换期', 'Redemption windows')}>
        <WindowBanner status={status.status} error={status.error} big />
        <p class="muted">
          {L(
            '每季度的兑换期由系统按配置自动排定；这里可以临时加开或提前结束。',
            'Quarterly windows are scheduled from the configuration; here you can add an extra one or close one early.',
          )}
        </p>
        {current ? (
          <ActionButton
            action={form}
            class="btn btn-danger"
            confirm={L(
              '现在结束当前兑换期？结束后柜台不能再兑换。',
              'Close the current window now? The counter stops redeeming.',
            )}
            onClick={async () => {
              await post(`/redemption-windows/${encodeURIComponent(String(current.id))}/close`);
              form.setDone(L('兑换期已结束。', 'The window is closed.'));
              status.refresh();
              setTick((t) => t + 1);
            }}
          >
            {L('提前结束当前兑换期', 'Close the current window now')}
          </ActionButton>
        ) : null}
      </Section>
      <Section title={L('全部兑换期', 'All windows')}>
        <WindowList
          tick={tick}
          onChanged={() => {
            status.refresh();
            setTick((t) => t + 1);
          }}
        />
      </Section>
      <Section title={L('临时加开兑换期', 'Add a window')}>
        <Form
          form={form}
          ctx={{ subject: 'window' }}
          fields={[
            { key: 'opensAt', type: 'datetime-local', required: true, label: L('开始', 'Opens') },
            { key: 'closesAt', type: 'datetime-local', required: true, label: L('结束', 'Closes') },
            { key: 'note', maxLength: TEXT_MAX.note, label: L('说明', 'Note') },
          ]}
          notice={
            opensAt && closesAt && closesAt <= opensAt ? (
              <Msg kind="warn">
                {L('结束时间要晚于开始时间。', 'Closing must be after opening.')}
              </Msg>
            ) : null
          }
          submit={L('加开', 'Add window')}
          reset
          onSubmit={async (v) => {
            const from = localInputToIso(v.opensAt);
            const to = localInputToIso(v.closesAt);
            if (!from || !to) {
              return;
            }
            await post('/redemption-windows', {
              opensAt: from,
              closesAt: to,
              ...(v.note.trim() ? { note: v.note.trim() } : {}),
            });
            setTick((t) => t + 1);
            status.refresh();
            return L('已加开兑换期。', 'Window added.');
          }}
        />
      </Section>
    </>
  );
}
