import { useState } from 'preact/hooks';
import { enc, get, patch, post, request } from '../api';
import { loadTeamMembers, loadTeams, loadUsers } from '../endpoints';
import { L } from '../i18n';
import { cleanPassbookNo } from '../passbook-no';
import type { Passbook, StaffUser, Team } from '../types';
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

function TeamMembers(props: { team: Team }) {
  const members = useLoad((signal) => loadTeamMembers(props.team.id, signal), [props.team.id]);
  const [typed, setTyped] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [notMember, setNotMember] = useState(false);
  const action = useAction();
  return (
    <div class="stack">
      {members.error ? <ErrorMsg error={members.error} /> : null}
      {members.data ? (
        members.data.length ? (
          <ul class="team-members" data-testid="team-members">
            {members.data.map((m) => (
              <li key={m.id}>
                {m.name} <span class="mono muted">{m.passbookNo}</span>{' '}
                <button
                  type="button"
                  class="btn-link"
                  disabled={action.busy}
                  onClick={() => {
                    if (
                      confirm(
                        L(
                          `把 ${m.name} 移出 ${props.team.name}？积分和记录不受影响。`,
                          `Remove ${m.name} from ${props.team.name}? Points and history stay.`,
                        ),
                      )
                    ) {
                      void action.run(async () => {
                        await request('DELETE', `/teams/${props.team.id}/members/${m.id}`);
                        members.reload();
                      });
                    }
                  }}
                >
                  {L('移出', 'Remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{L('还没有队员。', 'No members yet.')}</p>
        )
      ) : (
        <Loading />
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const no = cleanPassbookNo(typed);
          setAdded(null);
          setNotMember(false);
          void action.run(async () => {
            const p = await get<Passbook>(`/passbooks/${enc(no)}`);
            if (p.owner.type !== 'member') {
              setNotMember(true);
              return;
            }
            await post(`/teams/${props.team.id}/members`, { memberId: p.owner.id });
            setAdded(p.owner.name);
            setTyped('');
            members.reload();
          });
        }}
      >
        <Field label={L('按存折号加入队员', 'Add a member by passbook number')}>
          <input
            class="mono"
            value={typed}
            onInput={(e) => setTyped(inputValue(e))}
            maxLength={TEXT_MAX.passbookNo}
            autoCapitalize="characters"
            required
          />
        </Field>
        <button type="submit" class="btn btn-secondary" disabled={action.busy}>
          {L('加入', 'Add')}
        </button>
      </form>
      <ErrorMsg error={action.error} ctx={{ subject: 'passbook' }} />
      {notMember ? (
        <Msg kind="warn">
          {L(
            '这是家庭存折，只有志愿者才能加入服务队。',
            'That is a household passbook; only volunteers join teams.',
          )}
        </Msg>
      ) : null}
      {added ? (
        <Msg kind="ok">
          {L(`${added} 已加入 ${props.team.name}。`, `${added} joined ${props.team.name}.`)}
        </Msg>
      ) : null}
    </div>
  );
}

function LeaderChecks(props: {
  leaders: StaffUser[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  return (
    <fieldset class="checks">
      <legend>{L('队长', 'Leaders')}</legend>
      {props.leaders.length === 0 ? (
        <span class="muted">
          {L(
            '还没有队长账号，请先在「工作人员」里添加。',
            'No leader accounts yet; add one under Staff users.',
          )}
        </span>
      ) : null}
      {props.leaders.map((u) => (
        <label key={u.id}>
          <input
            type="checkbox"
            name={`leader-${u.username}`}
            checked={props.value.includes(u.id)}
            onChange={(e) =>
              props.onChange(
                e.currentTarget.checked
                  ? [...props.value, u.id]
                  : props.value.filter((id) => id !== u.id),
              )
            }
          />
          {u.username}
        </label>
      ))}
    </fieldset>
  );
}

/** 改名 / 换队长: rename a team, change its service and replace its leaders. */
function TeamEdit(props: { team: Team; leaders: StaffUser[]; onDone: () => void }) {
  const [name, setName] = useState(props.team.name);
  const [serviceType, setServiceType] = useState(props.team.serviceType ?? '');
  const [leaderIds, setLeaderIds] = useState<number[]>(props.team.leaderUserIds ?? []);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <form
      class="stack"
      data-testid="team-edit"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void action.run(async () => {
          await patch(`/teams/${props.team.id}`, {
            name: name.trim(),
            serviceType: serviceType.trim() || null,
            leaderUserIds: leaderIds,
          });
          setSaved(true);
          props.onDone();
        });
      }}
    >
      <div class="grid-2">
        <Field label={L('队名', 'Name')}>
          <input
            name="teamName"
            value={name}
            onInput={(e) => setName(inputValue(e))}
            maxLength={TEXT_MAX.name}
            required
          />
        </Field>
        <Field label={L('服务类别', 'Service')}>
          <input
            value={serviceType}
            onInput={(e) => setServiceType(inputValue(e))}
            maxLength={TEXT_MAX.name}
          />
        </Field>
      </div>
      <LeaderChecks leaders={props.leaders} value={leaderIds} onChange={setLeaderIds} />
      <ErrorMsg error={action.error} ctx={{ subject: 'team' }} />
      {saved ? <Msg kind="ok">{L('已保存。', 'Saved.')}</Msg> : null}
      <button type="submit" class="btn btn-secondary" disabled={action.busy}>
        {L('保存队名和队长', 'Save name and leaders')}
      </button>
    </form>
  );
}

export function TeamsSection() {
  const teams = useLoad((signal) => loadTeams(signal), []);
  const users = useLoad((signal) => loadUsers(signal), []);
  const [name, setName] = useState('');
  const [serviceType, setServiceType] = useState('');
  const [leaderIds, setLeaderIds] = useState<number[]>([]);
  const action = useAction();
  const leaders = (users.data ?? []).filter((u) => u.role === 'leader' && u.active !== false);
  const leaderName = (id: number) => users.data?.find((u) => u.id === id)?.username ?? `#${id}`;
  return (
    <>
      <Section title={L('服务队', 'Teams')}>
        {teams.error ? <ErrorMsg error={teams.error} /> : null}
        {!teams.data && !teams.error ? <Loading /> : null}
        {(teams.data ?? []).map((t) => (
          <details key={t.id} class="team">
            <summary>
              <strong>{t.name}</strong>
              {t.serviceType ? ` · ${t.serviceType}` : ''}
              {t.leaderUserIds?.length
                ? ` · ${L('队长', 'leaders')} ${t.leaderUserIds.map(leaderName).join('、')}`
                : ''}
            </summary>
            <TeamEdit team={t} leaders={leaders} onDone={teams.reload} />
            <TeamMembers team={t} />
          </details>
        ))}
      </Section>
      <Section title={L('新建服务队', 'New team')}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              await post('/teams', {
                name: name.trim(),
                ...(serviceType.trim() ? { serviceType: serviceType.trim() } : {}),
                leaderUserIds: leaderIds,
              });
              setName('');
              setServiceType('');
              setLeaderIds([]);
              teams.reload();
            });
          }}
        >
          <div class="grid-2">
            <Field label={L('队名', 'Name')}>
              <input
                value={name}
                onInput={(e) => setName(inputValue(e))}
                required
                maxLength={TEXT_MAX.name}
              />
            </Field>
            <Field label={L('服务类别（如 家电维修）', 'Service (e.g. appliance repair)')}>
              <input
                value={serviceType}
                onInput={(e) => setServiceType(inputValue(e))}
                maxLength={TEXT_MAX.name}
              />
            </Field>
          </div>
          <LeaderChecks leaders={leaders} value={leaderIds} onChange={setLeaderIds} />
          <ErrorMsg error={action.error} />
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('新建', 'Create')}
          </button>
        </form>
      </Section>
    </>
  );
}
