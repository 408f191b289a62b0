import { useState } from 'preact/hooks';
import { post } from '../api';
import { deactivateUser, loadTeams, loadUsers } from '../endpoints';
import { roleLabel } from '../format';
import { L } from '../i18n';
import type { StaffRole } from '../types';
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

export function UsersSection() {
  const users = useLoad((signal) => loadUsers(signal), []);
  const teams = useLoad((signal) => loadTeams(signal), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('clerk');
  const [teamIds, setTeamIds] = useState<number[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const action = useAction();
  const deactivate = useAction();
  const teamName = (id: number) => teams.data?.find((t) => t.id === id)?.name ?? `#${id}`;
  return (
    <>
      <Section title={L('工作人员账号', 'Staff accounts')}>
        {users.error ? <ErrorMsg error={users.error} /> : null}
        {!users.data && !users.error ? <Loading /> : null}
        <ErrorMsg error={deactivate.error} />
        {users.data ? (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th>{L('用户名', 'Username')}</th>
                  <th>{L('角色', 'Role')}</th>
                  <th>{L('服务队', 'Teams')}</th>
                  <th>{L('状态', 'Status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{roleLabel(u.role)}</td>
                    <td>{(u.teamIds ?? []).map(teamName).join('、')}</td>
                    <td>{u.active === false ? L('已停用', 'deactivated') : L('在用', 'active')}</td>
                    <td>
                      {u.active !== false ? (
                        <button
                          type="button"
                          class="btn-link"
                          disabled={deactivate.busy}
                          onClick={() => {
                            if (
                              confirm(
                                L(
                                  `停用 ${u.username}？该账号会立即退出登录。`,
                                  `Deactivate ${u.username}? They are logged out at once.`,
                                ),
                              )
                            ) {
                              void deactivate.run(async () => {
                                await deactivateUser(u.id);
                                users.reload();
                              });
                            }
                          }}
                        >
                          {L('停用', 'Deactivate')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      <Section title={L('新建账号', 'New account')}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            void action.run(async () => {
              await post('/users', {
                username: username.trim(),
                password,
                role,
                ...(role === 'leader' ? { teamIds } : {}),
              });
              setCreated(username.trim());
              setUsername('');
              setPassword('');
              setTeamIds([]);
              users.reload();
            });
          }}
        >
          <div class="grid-2">
            <Field label={L('用户名', 'Username')}>
              <input
                value={username}
                onInput={(e) => setUsername(inputValue(e))}
                required
                autoComplete="off"
              />
            </Field>
            <Field label={L('初始密码（至少8位）', 'Password (8+ characters)')}>
              <input
                value={password}
                type="password"
                onInput={(e) => setPassword(inputValue(e))}
                required
                minLength={8}
                autoComplete="new-password"
              />
            </Field>
            <Field label={L('角色', 'Role')}>
              <select value={role} onChange={(e) => setRole(inputValue(e) as StaffRole)}>
                <option value="clerk">{roleLabel('clerk')}</option>
                <option value="leader">{roleLabel('leader')}</option>
                <option value="admin">{roleLabel('admin')}</option>
              </select>
            </Field>
          </div>
          {role === 'leader' ? (
            <fieldset class="checks">
              <legend>{L('带领的服务队', 'Leads teams')}</legend>
              {(teams.data ?? []).map((t) => (
                <label key={t.id}>
                  <input
                    type="checkbox"
                    checked={teamIds.includes(t.id)}
                    onChange={(e) =>
                      setTeamIds(
                        e.currentTarget.checked
                          ? [...teamIds, t.id]
                          : teamIds.filter((id) => id !== t.id),
                      )
                    }
                  />
                  {t.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          <ErrorMsg error={action.error} />
          {created ? (
            <Msg kind="ok">{L(`已建账号 ${created}。`, `Created ${created}.`)}</Msg>
          ) : null}
          <button type="submit" class="btn btn-primary" disabled={action.busy}>
            {L('新建', 'Create')}
          </button>
        </form>
      </Section>
    </>
  );
}
