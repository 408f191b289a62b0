import { useState } from 'preact/hooks';
import { post, setSession } from '../api';
import { L } from '../i18n';
import { cleanPassbookNo } from '../passbook-no';
import { navigate } from '../router';
import type { PassbookLogin, StaffLogin } from '../types';
import { ErrorMsg, Field, inputValue, Msg, useAction } from '../ui/components';
import { TEXT_MAX } from '../limits';

/** A sentence for the next login page, e.g. after a password change ended every session. */
let loginNotice: string | null = null;
let loginNoticeFor: 'volunteer' | 'staff' = 'volunteer';

export function showOnLoginPage(sentence: string, tab: 'volunteer' | 'staff'): void {
  loginNotice = sentence;
  loginNoticeFor = tab;
}

function afterLogin(home: string): void {
  loginNotice = null;
  const here = location.pathname;
  // The page asked for, with its query: a check-in address keeps its event and code.
  navigate(here === '/' ? home : here + location.search, { replace: true });
}

function VolunteerLogin() {
  const [passbookNo, setPassbookNo] = useState('');
  const [pin, setPin] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const res = await post<PassbookLogin>(
        '/auth/passbook-login',
        { passbookNo: cleanPassbookNo(passbookNo), pin: pin.trim() },
        { anonymous: true },
      );
      setSession({
        token: res.token,
        expiresAt: res.expiresAt,
        kind: 'member',
        role: 'volunteer',
        name: res.member.name,
        memberId: res.member.id,
        passbookNo: res.member.passbookNo,
      });
      afterLogin('/me');
    });
  };
  return (
    <form onSubmit={submit} class="stack" data-testid="volunteer-login">
      <Field
        label={L('存折号', 'Passbook number')}
        hint={L(
          '存折封面上的8位号码，例如 V7K2MQ9X',
          'The 8-character number on the cover, e.g. V7K2MQ9X',
        )}
      >
        <input
          name="passbookNo"
          class="input-big"
          value={passbookNo}
          onInput={(e) => setPassbookNo(inputValue(e))}
          maxLength={TEXT_MAX.passbookNo}
          autoComplete="username"
          autoCapitalize="characters"
          spellcheck={false}
          required
        />
      </Field>
      <Field label={L('密码（6位数字）', 'PIN (6 digits)')}>
        <input
          name="pin"
          class="input-big"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={TEXT_MAX.pin}
          value={pin}
          onInput={(e) => setPin(inputValue(e))}
          required
        />
      </Field>
      <ErrorMsg error={action.error} ctx={{ login: 'passbook' }} />
      <button type="submit" class="btn btn-primary btn-big" disabled={action.busy}>
        {action.busy ? L('正在登录…', 'Logging in…') : L('查看我的存折', 'Open my passbook')}
      </button>
    </form>
  );
}

function StaffLoginForm() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(async () => {
      const res = await post<StaffLogin>(
        '/auth/login',
        { username: username.trim(), password },
        { anonymous: true },
      );
      setSession({
        token: res.token,
        expiresAt: res.expiresAt,
        kind: 'user',
        role: res.user.role,
        name: res.user.username,
        userId: res.user.id,
        mustChangePassword: res.user.mustChangePassword === true,
      });
      if (res.user.mustChangePassword === true) {
        loginNotice = null;
        navigate('/account', { replace: true });
        return;
      }
      const home =
        res.user.role === 'clerk'
          ? '/counter'
          : res.user.role === 'leader'
            ? '/leader'
            : res.user.role === 'office'
              ? '/office'
              : '/admin';
      afterLogin(home);
    });
  };
  return (
    <form onSubmit={submit} class="stack" data-testid="staff-login">
      <Field label={L('用户名', 'Username')}>
        <input
          name="username"
          value={username}
          onInput={(e) => setUsername(inputValue(e))}
          maxLength={TEXT_MAX.username}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          required
        />
      </Field>
      <Field label={L('密码', 'Password')}>
        <input
          name="password"
          type="password"
          value={password}
          onInput={(e) => setPassword(inputValue(e))}
          maxLength={TEXT_MAX.password}
          autoComplete="current-password"
          required
        />
      </Field>
      <ErrorMsg error={action.error} ctx={{ login: 'staff' }} />
      <button type="submit" class="btn btn-primary btn-big" disabled={action.busy}>
        {action.busy ? L('正在登录…', 'Logging in…') : L('登录', 'Log in')}
      </button>
    </form>
  );
}

/** `intro`: why this page asks for a login first (a check-in address opened logged out). */
export function LoginPage(props: { intro?: string } = {}) {
  const [notice] = useState(loginNotice);
  const [tab, setTab] = useState<'volunteer' | 'staff'>(
    notice && loginNoticeFor === 'staff' ? 'staff' : 'volunteer',
  );
  return (
    <main class="page page-narrow">
      {notice ? (
        <Msg kind="ok" testId="login-notice">
          {notice}
        </Msg>
      ) : null}
      {props.intro ? (
        <Msg kind="info" testId="login-intro">
          {props.intro}
        </Msg>
      ) : null}
      <h1 class="login-title">{L('爱心存折', 'Love Passbook')}</h1>
      <p class="muted login-sub">
        {L(
          '志愿服务积分 · 公益坊兑换 · 爱心捐赠',
          'Volunteer points · community shop · gifts to neighbours',
        )}
      </p>
      <div class="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'volunteer'}
          class={tab === 'volunteer' ? 'tab active' : 'tab'}
          onClick={() => setTab('volunteer')}
        >
          {L('志愿者', 'Volunteer')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'staff'}
          class={tab === 'staff' ? 'tab active' : 'tab'}
          onClick={() => setTab('staff')}
        >
          {L('工作人员', 'Staff')}
        </button>
      </div>
      <div class="card">{tab === 'volunteer' ? <VolunteerLogin /> : <StaffLoginForm />}</div>
    </main>
  );
}
