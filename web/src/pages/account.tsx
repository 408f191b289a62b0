import { useState } from 'preact/hooks';
import { post, type Session } from '../api';
import { L } from '../i18n';
import { ErrorMsg, Field, inputValue, Msg, useAction } from '../ui/components';

/** Changing one's own PIN (volunteer) or password (staff). */
export function AccountPage(props: { session: Session }) {
  const volunteer = props.session.role === 'volunteer';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const mismatch = again !== '' && next !== again;
  const badPin = volunteer && next !== '' && !/^\d{6}$/.test(next);
  const shortPassword = !volunteer && next !== '' && next.length < 8;
  return (
    <main class="page page-narrow" data-testid="account-page">
      <h1>{volunteer ? L('修改密码', 'Change PIN') : L('修改登录密码', 'Change password')}</h1>
      <form
        class="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (mismatch || badPin || shortPassword) {
            return;
          }
          setDone(false);
          void action.run(async () => {
            await (volunteer
              ? post('/me/pin', { currentPin: current, newPin: next })
              : post('/auth/password', { currentPassword: current, newPassword: next }));
            setDone(true);
            setCurrent('');
            setNext('');
            setAgain('');
          });
        }}
      >
        <Field label={L('原密码', 'Current')}>
          <input
            type="password"
            value={current}
            onInput={(e) => setCurrent(inputValue(e))}
            autoComplete="current-password"
            inputMode={volunteer ? 'numeric' : undefined}
            required
          />
        </Field>
        <Field
          label={
            volunteer
              ? L('新密码（6位数字）', 'New PIN (6 digits)')
              : L('新密码（至少8位）', 'New password (8+ characters)')
          }
        >
          <input
            type="password"
            value={next}
            onInput={(e) => setNext(inputValue(e))}
            autoComplete="new-password"
            inputMode={volunteer ? 'numeric' : undefined}
            required
          />
        </Field>
        <Field label={L('再输一次新密码', 'New again')}>
          <input
            type="password"
            value={again}
            onInput={(e) => setAgain(inputValue(e))}
            autoComplete="new-password"
            inputMode={volunteer ? 'numeric' : undefined}
            required
          />
        </Field>
        {badPin ? (
          <Msg kind="warn">{L('新密码要是6位数字。', 'The new PIN must be 6 digits.')}</Msg>
        ) : null}
        {shortPassword ? (
          <Msg kind="warn">{L('新密码至少8位。', 'At least 8 characters.')}</Msg>
        ) : null}
        {mismatch ? (
          <Msg kind="warn">{L('两次输入的新密码不一样。', 'The two new entries differ.')}</Msg>
        ) : null}
        <ErrorMsg error={action.error} />
        {done ? (
          <Msg kind="ok">
            {L('密码已修改，下次请用新密码登录。', 'Changed. Use the new one next time.')}
          </Msg>
        ) : null}
        <button type="submit" class="btn btn-primary btn-big" disabled={action.busy}>
          {L('确认修改', 'Change')}
        </button>
      </form>
    </main>
  );
}
