import { useState } from 'preact/hooks';
import { post } from '../api';
import { localInputToIso } from '../format';
import { L } from '../i18n';
import { ErrorMsg, Field, inputValue, Msg, Section, useAction } from '../ui/components';
import { useWindowStatus, WindowBanner } from '../ui/passbook';

export function WindowsSection() {
  const status = useWindowStatus();
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
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
          <button
            type="button"
            class="btn btn-danger"
            disabled={action.busy}
            onClick={() => {
              if (
                confirm(
                  L(
                    '现在结束当前兑换期？结束后柜台不能再兑换。',
                    'Close the current window now? The counter stops redeeming.',
                  ),
                )
              ) {
                void action.run(async () => {
                  await post(`/redemption-windows/${encodeURIComponent(String(current.id))}/close`);
                  setDone(L('兑换期已结束。', 'The window is closed.'));
                  status.refresh();
                });
              }
            }}
          >
            {L('提前结束当前兑换期', 'Close the current window now')}
          </button>
        ) : null}
      </Section>
      <Section title={L('临时加开兑换期', 'Add a window')}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const from = localInputToIso(opensAt);
            const to = localInputToIso(closesAt);
            if (!from || !to) {
              return;
            }
            setDone(null);
            void action.run(async () => {
              await post('/redemption-windows', {
                opensAt: from,
                closesAt: to,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
              setDone(L('已加开兑换期。', 'Window added.'));
              setOpensAt('');
              setClosesAt('');
              setNote('');
              status.refresh();
            });
          }}
        >
          <div class="grid-2">
            <Field label={L('开始', 'Opens')}>
              <input
                type="datetime-local"
                value={opensAt}
                onInput={(e) => setOpensAt(inputValue(e))}
                required
              />
            </Field>
            <Field label={L('结束', 'Closes')}>
              <input
                type="datetime-local"
                value={closesAt}
                onInput={(e) => setClosesAt(inputValue(e))}
                required
              />
            </Field>
            <Field label={L('说明', 'Note')}>
              <input value={note} onInput={(e) => setNote(inputValue(e))} maxLength={200} />
            </Field>
          </div>
          {opensAt && closesAt && closesAt <= opensAt ? (
            <Msg kind="warn">{L('结束时间要晚于开始时间。', 'Closing must be after opening.')}</Msg>
          ) : null}
          <ErrorMsg error={action.error} ctx={{ subject: 'window' }} />
          {done ? <Msg kind="ok">{done}</Msg> : null}
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('加开', 'Add window')}
          </button>
        </form>
      </Section>
    </>
  );
}
