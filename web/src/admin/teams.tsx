import { useState } from 'preact/hooks';
import { enc, get, patch, post, request } from '../api';
import { loadTeamMembers, loadTeams, loadUsers } from '../endpoints';
import { L } from '../i18n';
import { cleanPassbookNo } from '../passbook-no';
import type { Passbook, StaffUser, Team } from '../types';
import { Msg, Section, useLoad } from '../ui/components';
import { ActionButton, Form, useForm } from '../ui/form';
import { TEXT_MAX } from '../limits';
import { List } from '../ui/list';

function TeamMembers(props: { team: Team }) {
  const members = useLoad((signal) => loadTeamMembers(props.team.id, signal), [props.team.id]);
  const form = useForm({ typed: '' });
  const [notMember, setNotMember] = useState(false);
  return (
    <div class="stack">
      <List load={members} empty={<p>{L('还没有队员。', 'No members yet.')}</p>}>
        {(list) => (
          <ul class="team-members" data-testid="team-members">
            {list.map((m) => (
              <li key={m.id}>
                {m.name} <span class="mono muted">{m.passbookNo}</span>{' '}
                <ActionButton
                  action={form}
                  confirm={L(
                    `把 ${m.name} 移出 ${props.team.name}？积分和记录不受影响。`,
                    `Remove ${m.name} from ${props.team.name}? Points and history stay.`,
                  )}
                  onClick={async () => {
                    await request('DELETE', `/teams/${props.team.id}/members/${m.id}`);
                    members.reload();
                  }}
                >
                  {L('移出', 'Remove')}
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
      </List>
      <Form
        form={form}
        inline
        messagesBelow
        ctx={{ subject: 'passbook' }}
        fields={[
          {
            key: 'typed',
            class: 'mono',
            maxLength: TEXT_MAX.passbookNo,
            autoCapitalize: 'characters',
            required: true,
            label: L('按存折号加入队员', 'Add a member by passbook number'),
          },
        ]}
        submit={L('加入', 'Add')}
        submitClass="btn-secondary"
        reset
        notice={
          notMember ? (
            <Msg kind="warn">
              {L(
                '这是家庭存折，只有志愿者才能加入服务队。',
                'That is a household passbook; only volunteers join teams.',
              )}
            </Msg>
          ) : null
        }
        onSubmit={async (v) => {
          setNotMember(false);
          const p = await get<Passbook>(`/passbooks/${enc(cleanPassbookNo(v.typed))}`);
          if (p.owner.type !== 'member') {
            setNotMember(true);
            return;
          }
          await post(`/teams/${props.team.id}/members`, { memberId: p.owner.id });
          members.reload();
          return L(
            `${p.owner.name} 已加入 ${props.team.name}。`,
            `${p.owner.name} joined ${props.team.name}.`,
          );
        }}
      />
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

/** 新建 / 改名 / 换队长: create a team, or rename one, change its service and replace its leaders. */
function TeamForm(props: { team?: Team; leaders: StaffUser[]; onDone: () => void }) {
  const t = props.team;
  const form = useForm({
    name: t?.name ?? '',
    serviceType: t?.serviceType ?? '',
    leaderIds: t?.leaderUserIds ?? ([] as number[]),
  });
  return (
    <Form
      form={form}
      testId={t ? 'team-edit' : undefined}
      ctx={t ? { subject: 'team' } : undefined}
      fields={[
        {
          key: 'name',
          name: t ? 'teamName' : undefined,
          maxLength: TEXT_MAX.name,
          required: true,
          label: L('队名', 'Name'),
        },
        {
          key: 'serviceType',
          maxLength: TEXT_MAX.name,
          label: t
            ? L('服务类别', 'Service')
            : L('服务类别（如 家电维修）', 'Service (e.g. appliance repair)'),
        },
      ]}
      submit={t ? L('保存队名和队长', 'Save name and leaders') : L('新建', 'Create')}
      submitClass={t ? 'btn-secondary' : undefined}
      reset={!t}
      onSubmit={async (v) => {
        const body = { name: v.name.trim(), leaderUserIds: v.leaderIds };
        if (t) {
          await patch(`/teams/${t.id}`, { ...body, serviceType: v.serviceType.trim() || null });
        } else {
          await post('/teams', {
            ...body,
            ...(v.serviceType.trim() ? { serviceType: v.serviceType.trim() } : {}),
          });
        }
        props.onDone();
        return t ? L('已保存。', 'Saved.') : true;
      }}
    >
      <LeaderChecks
        leaders={props.leaders}
        value={form.values.leaderIds}
        onChange={(ids) => form.set('leaderIds', ids)}
      />
    </Form>
  );
}

export function TeamsSection() {
  const teams = useLoad((signal) => loadTeams(signal), []);
  const users = useLoad((signal) => loadUsers(signal), []);
  const leaders = (users.data ?? []).filter((u) => u.role === 'leader' && u.active !== false);
  const leaderName = (id: number) => users.data?.find((u) => u.id === id)?.username ?? `#${id}`;
  return (
    <>
      <Section title={L('服务队', 'Teams')}>
        <List load={teams}>
          {(list) =>
            list.map((t) => (
              <details key={t.id} class="team">
                <summary>
                  <strong>{t.name}</strong>
                  {t.serviceType ? ` · ${t.serviceType}` : ''}
                  {t.leaderUserIds?.length
                    ? ` · ${L('队长', 'leaders')} ${t.leaderUserIds.map(leaderName).join('、')}`
                    : ''}
                </summary>
                <TeamForm team={t} leaders={leaders} onDone={teams.reload} />
                <TeamMembers team={t} />
              </details>
            ))
          }
        </List>
      </Section>
      <Section title={L('新建服务队', 'New team')}>
        <TeamForm leaders={leaders} onDone={teams.reload} />
      </Section>
    </>
  );
}
