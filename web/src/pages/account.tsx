import { useState } from 'preact/hooks';
import { post, setSession, type Session } from '../api';
import { L } from '../i18n';
import { navigate } from '../router';
import { ErrorMsg, Field, inputValue, Msg, useAction } from '../ui/components';
import { showOnLoginPage } from './login';
import { TEXT_MAX } from '../limits';

/**
 * Changing one's own PIN (volunteer) or password (staff). The service then ends every session of
 * the account, this one too, so the page says so and opens the login page with that sentence.
 */
export function AccountPage(props: { session: Session }) {
  const volunteer = props.session.role === 'volunteer';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction();
  const mismatch = again !== '' && next !== again;
  const badPin = volunteer && next !== '' && !/^\d{6}$/.test(next);
  const shortPassword = !volunteer && next !== '' && next.length < 8;
  return (
    <main class="page page-narrow" data-testid="account-page">
      <h1>{volunteer ? L('修改密码', 'Change PIN') : L('修改登录密码', 'Change password')}</h1>
      {props.session.mustChangePassword ? (
        <Msg kind="warn" testId="must-change-password">
          {L(
            '您现在用的密码是别人设的（系统生成或管理员重设）。请先换成只有您自己知道的新密码，再使用其他页面。',
            'Your password was set by someone else (generated or reset). Choose your own before using the other pages.',
          )}
        </Msg>
      ) : null}
      <p class="muted">
        {L(
          '改好后，您在所有设备上的登录都会退出，需要用新密码重新登录。',
          'After the change you are logged out on every device and log in again with the new one.',
        )}
      </p>
      <form
        class="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (mismatch || badPin || shortPassword) {
            return;
          }
          void action.run(async () => {
            await (volunteer
              ? post('/me/pin', { currentPin: current, newPin: next })
              : post('/auth/password', { currentPassword: current, newPassword: next }));
            showOnLoginPage(
              volunteer
                ? L(
                    '密码已修改。您在所有设备上的登录都已退出（包括这一台），请用新密码重新登录。',
                    'PIN changed. You are logged out everywhere, this device too: log in again with the new PIN.',
                  )
                : L(
                    '密码已修改。您在所有设备上的登录都已退出（包括这一台），请用新密码重新登录。',
                    'Password changed. You are logged out everywhere, this device too: log in again with the new password.',
                  ),
              volunteer ? 'volunteer' : 'staff',
            );
            setSession(null);
            navigate('/', { replace: true });
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
            maxLength={volunteer ? TEXT_MAX.pin : TEXT_MAX.password}
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
            maxLength={volunteer ? TEXT_MAX.pin : TEXT_MAX.password}
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
            maxLength={volunteer ? TEXT_MAX.pin : TEXT_MAX.password}
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
        <button type="submit" class="btn btn-primary btn-big" disabled={action.busy}>
          {L('确认修改', 'Change')}
        </button>
      </form>
    </main>
  );
}
