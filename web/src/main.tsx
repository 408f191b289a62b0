import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionChange, post, setSession, type Session } from './api';
import { loadCommunity } from './community';
import { L, lang, setLang } from './i18n';
import { roleLabel } from './format';
import { navigate, usePath } from './router';
import { Link } from './ui/components';
import { LoginPage } from './pages/login';
import { VolunteerPage } from './pages/volunteer';
import { CheckInPage, checkInLoginIntro } from './pages/check-in';
import { CHECK_IN_PATH } from './events';
import { CounterPage } from './pages/counter';
import { LeaderPage } from './pages/leader';
import { LeaderEventsPage } from './pages/leader-events';
import { AdminPage } from './admin/admin';
import { PrintPassbookPage } from './pages/print';
import { NoticePage } from './pages/notice';
import { PublicWishesPage } from './pages/wishes';
import { PrintCertificatePage, VerifyCertificatePage } from './pages/certificate';
import { AccountPage } from './pages/account';
import { OfficePage } from './pages/office';

type Role = Session['role'];

export function homeOf(session: Session): string {
  switch (session.role) {
    case 'volunteer':
      return '/me';
    case 'clerk':
      return '/counter';
    case 'leader':
      return '/leader';
    case 'admin':
      return '/admin';
    case 'office':
      return '/office';
  }
}

/** Which pages each role may open (the API decides what they may do there). */
const PAGES: { path: string; roles: Role[]; label: () => string }[] = [
  { path: '/me', roles: ['volunteer'], label: () => L('我的存折', 'My passbook') },
  { path: '/counter', roles: ['clerk', 'admin'], label: () => L('兑换柜台', 'Counter') },
  { path: '/leader', roles: ['leader', 'admin'], label: () => L('记录活动', 'Log activity') },
  { path: '/admin', roles: ['admin'], label: () => L('管理', 'Admin') },
  { path: '/office', roles: ['office'], label: () => L('街道总览', 'Street office') },
];

function Header(props: { session: Session | null; path: string; onLang: () => void }) {
  const s = props.session;
  return (
    <header class="topbar no-print">
      <Link href={s ? homeOf(s) : '/'} class="brand">
        <span aria-hidden="true">❤</span> {L('爱心存折', 'Love Passbook')}
      </Link>
      {s && s.mustChangePassword !== true ? (
        <nav class="topnav" aria-label={L('页面', 'Pages')}>
          {PAGES.filter((p) => p.roles.includes(s.role)).map((p) => (
            <Link
              key={p.path}
              href={p.path}
              class={props.path === p.path || props.path.startsWith(`${p.path}/`) ? 'active' : ''}
            >
              {p.label()}
            </Link>
          ))}
        </nav>
      ) : null}
      <div class="topbar-right">
        <button
          type="button"
          class="btn-link"
          onClick={props.onLang}
          lang={lang() === 'zh' ? 'en' : 'zh-CN'}
        >
          {lang() === 'zh' ? 'English' : '中文'}
        </button>
        {s ? (
          <>
            <Link href="/account" class="whoami">
              {s.name}
              <span class="whoami-role"> · {roleLabel(s.role)}</span>
            </Link>
            <button
              type="button"
              class="btn-link"
              onClick={() => {
                // End the session on the service too, so a token left on a shared phone is dead.
                post('/auth/logout').catch(() => undefined);
                setSession(null);
                navigate('/');
              }}
            >
              {L('退出', 'Log out')}
            </button>
          </>
        ) : null}
      </div>
    </header>
  );
}

function NoAccess(props: { session: Session }) {
  return (
    <main class="page">
      <div class="card">
        <h1>{L('这个页面不是给您的账号用的', 'This page is not for your account')}</h1>
        <p>
          <Link href={homeOf(props.session)}>{L('回到我的首页', 'Back to my page')}</Link>
        </p>
      </div>
    </main>
  );
}

/** A mistyped address (/me/, /Counter): said in words, with the page that was probably meant. */
function NotFound(props: { session: Session | null; path: string }) {
  const meant = nearestPage(props.path);
  const home = props.session ? homeOf(props.session) : '/';
  return (
    <main class="page" data-testid="not-found">
      <div class="card">
        <h1>{L('没有这个页面', 'There is no such page')}</h1>
        <p>
          {L(
            `地址「${props.path}」不对，可能是输错了。`,
            `The address "${props.path}" is not a page; it may be mistyped.`,
          )}
        </p>
        <p class="row">
          {meant && meant !== home ? (
            <Link href={meant} class="btn btn-primary">
              {L(`打开${pageName(meant)}`, `Open ${pageName(meant)}`)}
            </Link>
          ) : null}
          <Link
            href={home}
            class={meant && meant !== home ? 'btn btn-secondary' : 'btn btn-primary'}
          >
            {props.session ? L('回到我的首页', 'Back to my page') : L('去登录', 'Go to the login')}
          </Link>
        </p>
      </div>
    </main>
  );
}

const KNOWN_PATHS = [
  '/me',
  '/counter',
  '/leader',
  '/admin',
  '/office',
  '/account',
  '/notice',
  '/wishes',
];

/** The name people know a page by ("兑换柜台"), for a path of KNOWN_PATHS or one inside it. */
function pageName(path: string): string {
  const base = KNOWN_PATHS.find((p) => path === p || path.startsWith(`${p}/`));
  switch (base) {
    case '/me':
      return L('我的存折', 'my passbook');
    case '/counter':
      return L('兑换柜台', 'the shop counter');
    case '/leader':
      return L('记录活动', 'the activity log');
    case '/admin':
      return L('管理', 'the office');
    case '/office':
      return L('街道总览', 'the street office overview');
    case '/account':
      return L('修改密码', 'change password');
    case '/notice':
      return L('评星公示', 'the star notice');
    case '/wishes':
      return L('微心愿', 'the wishes');
    case undefined:
    default:
      return path;
  }
}

/** The page a near miss meant: another case, or a trailing slash. */
function nearestPage(path: string): string | null {
  const plain = path.toLowerCase().replace(/\/+$/, '');
  return KNOWN_PATHS.find((p) => plain === p || plain.startsWith(`${p}/`)) ? plain : null;
}

function isKnownPath(path: string): boolean {
  if (path === '/' || path.startsWith('/print/') || path.startsWith('/admin/')) {
    return true;
  }
  if (/^\/verify\/[^/]+$/.test(path)) {
    return true;
  }
  // The address of the leader's check-in QR code (pages/check-in.tsx).
  if (path === CHECK_IN_PATH) {
    return true;
  }
  return (
    KNOWN_PATHS.includes(path) ||
    (path.startsWith('/notice/') && path.split('/').length === 3) ||
    /^\/leader\/events(\/\d+)?$/.test(path)
  );
}

function Routes(props: { session: Session | null; path: string }) {
  const { session, path } = props;
  if (!isKnownPath(path)) {
    return <NotFound session={session} path={path} />;
  }
  if (path === '/notice' || path.startsWith('/notice/')) {
    return <NoticePage year={path.split('/')[2]} />;
  }
  // The certificate's QR code: anyone checks it, without logging in.
  if (path.startsWith('/verify/')) {
    return <VerifyCertificatePage number={decodeURIComponent(path.slice('/verify/'.length))} />;
  }
  if (path === '/wishes') {
    return <PublicWishesPage />;
  }
  if (!session) {
    return <LoginPage intro={path === CHECK_IN_PATH ? checkInLoginIntro() : undefined} />;
  }
  if (path === '/') {
    return null;
  }
  // A password someone else chose is changed before anything else (the service still answers).
  if (path === '/account' || session.mustChangePassword === true) {
    return <AccountPage session={session} />;
  }
  if (path.startsWith('/print/certificate/')) {
    const number = decodeURIComponent(path.slice('/print/certificate/'.length));
    return session.role === 'admin' ? (
      <PrintCertificatePage number={number} />
    ) : (
      <NoAccess session={session} />
    );
  }
  if (path.startsWith('/print/')) {
    const passbookNo = decodeURIComponent(path.slice('/print/'.length));
    return <PrintPassbookPage passbookNo={passbookNo} session={session} />;
  }
  const page = PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  if (!page) {
    return <NoAccess session={session} />;
  }
  if (!page.roles.includes(session.role)) {
    return <NoAccess session={session} />;
  }
  switch (page.path) {
    case '/me':
      return path === CHECK_IN_PATH ? <CheckInPage /> : <VolunteerPage session={session} />;
    case '/counter':
      return <CounterPage session={session} />;
    case '/leader':
      return path.startsWith('/leader/events') ? (
        <LeaderEventsPage session={session} path={path} />
      ) : (
        <LeaderPage session={session} />
      );
    case '/office':
      return <OfficePage />;
    default:
      return <AdminPage path={path} />;
  }
}

function App() {
  const path = usePath();
  const [session, setSessionState] = useState<Session | null>(currentSession());
  const [langTick, setLangTick] = useState(0);
  useEffect(() => onSessionChange(() => setSessionState(currentSession())), []);
  useEffect(() => {
    // The start page sends a logged-in user to their own page; a logged-out one sees the login.
    if (session?.mustChangePassword === true && path !== '/account') {
      navigate('/account', { replace: true });
    } else if (session && path === '/') {
      navigate(homeOf(session), { replace: true });
    }
  }, [session, path]);
  useEffect(() => {
    document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  }, [langTick]);
  return (
    <div class="app">
      <Header
        session={session}
        path={path}
        onLang={() => {
          setLang(lang() === 'zh' ? 'en' : 'zh');
          setLangTick((t) => t + 1);
        }}
      />
      <Routes session={session} path={path} />
    </div>
  );
}

const root = document.getElementById('app')!;
// Dates are shown in the community's zone, so it is known before anything is drawn.
void loadCommunity().then(() => {
  // The static "loading" line is only for the moment before the script runs.
  root.textContent = '';
  render(<App />, root);
});
