/** The street office (街道): every community side by side and summed, their books, new communities. */
import type { components } from '../api-schema';
import { useState } from 'preact/hooks';
import { enc, get, post } from '../api';
import { community } from '../community';
import { formatHours } from '../format';
import { L } from '../i18n';
import { PASSWORD_MIN, TEXT_MAX } from '../limits';
import { quarterOf } from '../quarter';
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

// The answers' types: the schemas generated into ../api-schema.ts.
type Schemas = components['schemas'];
type Figures = Schemas['FiguresDto'];
type CommunityView = Schemas['CommunityViewDto'];

/**
 * A community's ledger check. The document gives one object with the fields of both outcomes
 * optional (VerifyStatusDto); the page reads them by `ok`, as the verifier sends them.
 */
type VerifyStatus =
  | { ok: true; transactions: number; lastHash: string }
  | { ok: false; firstBadSeq: number | null; reason: string };

type Overview = Omit<Schemas['OverviewDto'], 'communities'> & {
  communities: (Omit<Schemas['CommunityFiguresDto'], 'verify'> & { verify: VerifyStatus })[];
};

const nameOf = (c: CommunityView): string => c.name ?? c.code;

/** The columns, in the order the street office reads them. */
const COLUMNS: { key: keyof Figures; label: () => string; hours?: boolean }[] = [
  { key: 'volunteers', label: () => L('志愿者', 'Volunteers') },
  { key: 'servingVolunteers', label: () => L('参与服务', 'Served') },
  { key: 'teams', label: () => L('服务队', 'Teams') },
  { key: 'hours', label: () => L('服务时长', 'Hours'), hours: true },
  { key: 'earned', label: () => L('获得积分', 'Earned') },
  { key: 'redeemed', label: () => L('兑换积分', 'Redeemed') },
  { key: 'donated', label: () => L('捐赠积分', 'Donated') },
  { key: 'outstanding', label: () => L('存折结余', 'Outstanding') },
];

function cell(f: Figures, c: (typeof COLUMNS)[number]) {
  const v = f[c.key];
  return c.hours ? formatHours(String(v)) : String(v);
}

function VerifyCell(props: { verify: VerifyStatus }) {
  const v = props.verify;
  return v.ok ? (
    <span>{L(`✓ 完好（${v.transactions} 笔）`, `✓ intact (${v.transactions})`)}</span>
  ) : (
    <strong>
      {L(`✗ 第 ${v.firstBadSeq ?? '?'} 笔起异常`, `✗ broken from seq ${v.firstBadSeq ?? '?'}`)}
    </strong>
  );
}

function OverviewSection(props: { tick: number }) {
  const today = community().today ?? new Date().toISOString().slice(0, 10);
  const [year, setYear] = useState(quarterOf(today).year);
  const [quarter, setQuarter] = useState<number | null>(quarterOf(today).quarter);
  const load = useLoad(
    (signal) =>
      get<Overview>(
        `/office/overview?year=${year}${quarter === null ? '' : `&quarter=${quarter}`}`,
        { signal },
      ),
    [year, quarter, props.tick],
  );
  const o = load.data;
  return (
    <Section title={L('各社区概况', 'Communities side by side')} testId="office-overview">
      <div class="row">
        <Field label={L('年份', 'Year')}>
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onInput={(e) => {
              const n = Number(inputValue(e));
              if (Number.isInteger(n) && n >= 2000 && n <= 2100) {
                setYear(n);
              }
            }}
          />
        </Field>
        <Field label={L('季度', 'Quarter')}>
          <select
            value={quarter === null ? '' : String(quarter)}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              setQuarter(v === '' ? null : Number(v));
            }}
          >
            <option value="">{L('全年', 'Whole year')}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)}>
                {L(`第${q}季度`, `Q${q}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorMsg error={load.error} />
      {!o ? (
        <Loading />
      ) : (
        <>
          <p class="muted">
            {L(
              `${o.period.from} 至 ${o.period.to}，共 ${o.communities.length} 个社区。`,
              `${o.period.from} to ${o.period.to}, ${o.communities.length} communities.`,
            )}
          </p>
          {o.verifiedAll ? (
            <Msg kind="ok" testId="office-verified">
              {L('每个社区的账本都核对无误。', "Every community's ledger verifies.")}
            </Msg>
          ) : (
            <Msg kind="error" testId="office-verified">
              {L(
                '有社区的账本核对不上，请立即联系技术人员。',
                "A community's ledger does not verify: call technical staff now.",
              )}
            </Msg>
          )}
          <div class="table-wrap">
            <table class="table table-cards" data-testid="office-table">
              <thead>
                <tr>
                  <th>{L('社区', 'Community')}</th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} class="num">
                      {c.label()}
                    </th>
                  ))}
                  <th>{L('账本', 'Ledger')}</th>
                </tr>
              </thead>
              <tbody>
                {o.communities.map((r) => (
                  <tr key={r.community.id} data-testid={`office-row-${r.community.code}`}>
                    <td data-label={L('社区', 'Community')}>{nameOf(r.community)}</td>
                    {COLUMNS.map((c) => (
                      <td key={c.key} data-label={c.label()} class="num">
                        {cell(r.figures, c)}
                      </td>
                    ))}
                    <td data-label={L('账本', 'Ledger')}>
                      <VerifyCell verify={r.verify} />
                    </td>
                  </tr>
                ))}
                <tr data-testid="office-row-total">
                  <td data-label={L('社区', 'Community')}>
                    <strong>{L('合计', 'Total')}</strong>
                  </td>
                  {COLUMNS.map((c) => (
                    <td key={c.key} data-label={c.label()} class="num">
                      <strong>{cell(o.total, c)}</strong>
                    </td>
                  ))}
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}

function NewCommunitySection(props: { onAdded: () => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [issuer, setIssuer] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    setDone(null);
    void action.run(async () => {
      const c = await post<CommunityView>('/office/communities', {
        code: code.trim(),
        name: name.trim(),
        ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
      });
      setDone(L(`已添加社区“${nameOf(c)}”。`, `Community "${nameOf(c)}" added.`));
      setCode('');
      setName('');
      setIssuer('');
      props.onAdded();
    });
  };
  return (
    <Section title={L('添加社区', 'Add a community')}>
      <form onSubmit={submit} class="stack" data-testid="office-new-community">
        <Field label={L('社区名称', 'Name')} hint={L('如：岭南社区', 'e.g. 岭南社区')}>
          <input
            required
            maxLength={TEXT_MAX.name}
            value={name}
            onInput={(e) => setName(inputValue(e))}
          />
        </Field>
        <Field
          label={L('代码', 'Code')}
          hint={L(
            '小写字母、数字或短横线，用于配置目录和公示地址（?community=代码）',
            'lowercase letters, digits or dashes: its config folder and public address (?community=code)',
          )}
        >
          <input
            required
            maxLength={TEXT_MAX.communityCode}
            pattern="[a-z0-9][a-z0-9-]*"
            autocapitalize="off"
            value={code}
            onInput={(e) => setCode(inputValue(e))}
          />
        </Field>
        <Field
          label={L('公示发布单位（可不填）', 'Notice issuer (optional)')}
          hint={L('不填则为“社区名称志愿服务站”', 'default: "<name>志愿服务站"')}
        >
          <input
            maxLength={TEXT_MAX.name}
            value={issuer}
            onInput={(e) => setIssuer(inputValue(e))}
          />
        </Field>
        <div class="row">
          <button type="submit" class="btn" disabled={action.busy}>
            {L('添加社区', 'Add community')}
          </button>
        </div>
        <ErrorMsg error={action.error} />
        {done ? <Msg kind="ok">{done}</Msg> : null}
      </form>
    </Section>
  );
}

function NewAdminSection(props: { tick: number }) {
  const list = useLoad(
    (signal) => get<{ items: CommunityView[] }>('/office/communities', { signal }),
    [props.tick],
  );
  const [communityId, setCommunityId] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const items = list.data?.items ?? [];
  const chosen = communityId || (items[0] ? String(items[0].id) : '');
  const submit = (e: Event) => {
    e.preventDefault();
    setDone(null);
    void action.run(async () => {
      const admin = await post<{ username: string }>(`/office/communities/${enc(chosen)}/admins`, {
        username: username.trim(),
        password,
      });
      const where = items.find((c) => String(c.id) === chosen);
      setDone(
        L(
          `已为${where ? nameOf(where) : ''}添加管理员 ${admin.username}。`,
          `Administrator ${admin.username} added${where ? ` to ${nameOf(where)}` : ''}.`,
        ),
      );
      setUsername('');
      setPassword('');
    });
  };
  return (
    <Section title={L('添加社区管理员', "Add a community's administrator")}>
      <ErrorMsg error={list.error} />
      <form onSubmit={submit} class="stack" data-testid="office-new-admin">
        <Field label={L('社区', 'Community')}>
          <select
            value={chosen}
            onChange={(e) => setCommunityId((e.target as HTMLSelectElement).value)}
          >
            {items.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {nameOf(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={L('用户名', 'Username')}>
          <input
            required
            maxLength={TEXT_MAX.username}
            autocapitalize="off"
            autocomplete="off"
            value={username}
            onInput={(e) => setUsername(inputValue(e))}
          />
        </Field>
        <Field
          label={L('初始密码', 'Initial password')}
          hint={L(`至少 ${PASSWORD_MIN} 位`, `at least ${PASSWORD_MIN} characters`)}
        >
          <input
            required
            type="password"
            maxLength={TEXT_MAX.password}
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(inputValue(e))}
          />
        </Field>
        <div class="row">
          <button type="submit" class="btn" disabled={action.busy || !chosen}>
            {L('添加管理员', 'Add administrator')}
          </button>
        </div>
        <ErrorMsg error={action.error} />
        {done ? <Msg kind="ok">{done}</Msg> : null}
      </form>
    </Section>
  );
}

export function OfficePage() {
  const [tick, setTick] = useState(0);
  return (
    <main class="page page-wide" data-testid="office-page">
      <h1>{L('街道 · 社区总览', 'Street office · communities')}</h1>
      <OverviewSection tick={tick} />
      <NewCommunitySection onAdded={() => setTick((t) => t + 1)} />
      <NewAdminSection tick={tick} />
    </main>
  );
}
