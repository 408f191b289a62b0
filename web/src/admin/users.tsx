import { useState } from 'preact/hooks';
import { patch, post } from '../api';
import { deactivateUser, loadTeams, loadUsers } from '../endpoints';
import { roleLabel } from '../format';
import { L } from '../i18n';
import type { StaffRole, StaffUser } from '../types';
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
import { PASSWORD_MIN, TEXT_MAX } from '../limits';

/** 修改: change a staff user's role or set a new password (their sessions end). */
function UserEdit(props: { user: StaffUser; onDone: () => void }) {
  const [role, setRole] = useState<StaffRole>(props.user.role);
  const [password, setPassword] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  return (
    <form
      class="stack"
      data-testid="user-edit"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        void action.run(async () => {
          await patch(`/users/${props.user.id}`, {
            ...(role !== props.user.role ? { role } : {}),
            ...(password ? { password } : {}),
          });
          setSaved(
            password
              ? L(
                  `已保存。新密码请当面告诉 ${props.user.username}，该账号已退出登录；下次登录后会先要求其换成自己的密码。`,
                  `Saved. Tell ${props.user.username} the new password in person; they were logged out and will be asked to choose their own at the next login.`,
                )
              : L('已保存。', 'Saved.'),
          );
          setPassword('');
          props.onDone();
        });
      }}
    >
      <div class="grid-2">
        <Field label={L('角色', 'Role')}>
          <select
            name="editRole"
            value={role}
            onChange={(e) => setRole(inputValue(e) as StaffRole)}
          >
            {(['clerk', 'leader', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={L('重设密码（至少8位，不改就空着）', 'New password (8+; blank keeps it)')}>
          <input
            name="editPassword"
            type="text"
            autoComplete="off"
            value={password}
            minLength={PASSWORD_MIN}
            maxLength={TEXT_MAX.password}
            onInput={(e) => setPassword(inputValue(e))}
          />
        </Field>
      </div>
      <ErrorMsg error={action.error} />
      {saved ? (
        <Msg kind="ok" testId="user-saved">
          {saved}
        </Msg>
      ) : null}
      <button type="submit" class="btn btn-primary" disabled={action.busy}>
        {L('保存', 'Save')}
      </button>
    </form>
  );
}

export function UsersSection() {
  const [editing, setEditing] = useState<number | null>(null);
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
            <table class="table table-cards">
              <thead>
                <tr>
                  <th>{L('用户名', 'Username')}</th>
                  <th>{L('角色', 'Role')}</th>
                  <th>{L('服务队', 'Teams')}</th>
                  <th>{L('状态', 'Status')}</th>
                  <th>{L('操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.flatMap((u) => [
                  <tr key={u.id} data-user={u.username}>
                    <td data-label={L('用户名', 'Username')}>{u.username}</td>
                    <td data-label={L('角色', 'Role')}>{roleLabel(u.role)}</td>
                    <td data-label={L('服务队', 'Teams')}>
                      {(u.teamIds ?? []).map(teamName).join('、')}
                    </td>
                    <td data-label={L('状态', 'Status')}>
                      {u.active === false ? L('已停用', 'deactivated') : L('在用', 'active')}
                      {u.mustChangePassword === true
                        ? L('（待本人改密码）', ' (to choose own password)')
                        : null}
                    </td>
                    <td data-label={L('操作', 'Actions')} class="actions">
                      <button
                        type="button"
                        class="btn-link"
                        onClick={() => setEditing(editing === u.id ? null : u.id)}
                      >
                        {L('修改角色/密码', 'Role/password')}
                      </button>
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
                      ) : (
                        <button
                          type="button"
                          class="btn-link"
                          disabled={deactivate.busy}
                          onClick={() =>
                            void deactivate.run(async () => {
                              await post(`/users/${u.id}/activate`, {});
                              users.reload();
                            })
                          }
                        >
                          {L('恢复', 'Re-activate')}
                        </button>
                      )}
                    </td>
                  </tr>,
                  editing === u.id ? (
                    <tr key={`edit-${u.id}`} class="edit-row">
                      <td colSpan={5}>
                        <UserEdit user={u} onDone={users.reload} />
                      </td>
                    </tr>
                  ) : null,
                ])}
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
                maxLength={TEXT_MAX.username}
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
                minLength={PASSWORD_MIN}
                maxLength={TEXT_MAX.password}
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
