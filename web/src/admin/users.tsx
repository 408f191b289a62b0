import { useState } from 'preact/hooks';
import { patch, post } from '../api';
import { deactivateUser, loadTeams, loadUsers } from '../endpoints';
import { roleLabel } from '../format';
import { L } from '../i18n';
import type { StaffRole, StaffUser, Team } from '../types';
import { ErrorMsg, Section, useAction, useLoad } from '../ui/components';
import { ActionButton, Form, useForm } from '../ui/form';
import { List } from '../ui/list';
import { PASSWORD_MIN, TEXT_MAX } from '../limits';

const ROLES: StaffRole[] = ['clerk', 'leader', 'admin'];

/** 修改: change a staff user's role or set a new password (their sessions end). */
function UserEdit(props: { user: StaffUser; onDone: () => void }) {
  const form = useForm({ role: props.user.role, password: '' });
  return (
    <Form
      form={form}
      testId="user-edit"
      doneTestId="user-saved"
      fields={[
        {
          key: 'role',
          name: 'editRole',
          label: L('角色', 'Role'),
          options: ROLES.map((r) => [r, roleLabel(r)]),
        },
        {
          key: 'password',
          name: 'editPassword',
          type: 'text',
          autoComplete: 'off',
          minLength: PASSWORD_MIN,
          maxLength: TEXT_MAX.password,
          label: L('重设密码（至少8位，不改就空着）', 'New password (8+; blank keeps it)'),
        },
      ]}
      submit={L('保存', 'Save')}
      reset
      keep={['role']}
      onSubmit={async ({ role, password }) => {
        await patch(`/users/${props.user.id}`, {
          ...(role !== props.user.role ? { role } : {}),
          ...(password ? { password } : {}),
        });
        props.onDone();
        return password
          ? L(
              `已保存。新密码请当面告诉 ${props.user.username}，该账号已退出登录；下次登录后会先要求其换成自己的密码。`,
              `Saved. Tell ${props.user.username} the new password in person; they were logged out and will be asked to choose their own at the next login.`,
            )
          : L('已保存。', 'Saved.');
      }}
    />
  );
}

/** 新建账号: a username, its first password and role, and the teams a leader leads. */
function NewUser(props: { teams: Team[]; onDone: () => void }) {
  const form = useForm({
    username: '',
    password: '',
    role: 'clerk',
    teamIds: [] as number[],
  });
  const { role, teamIds } = form.values;
  return (
    <Form
      form={form}
      fields={[
        {
          key: 'username',
          maxLength: TEXT_MAX.username,
          required: true,
          autoComplete: 'off',
          label: L('用户名', 'Username'),
        },
        {
          key: 'password',
          type: 'password',
          required: true,
          minLength: PASSWORD_MIN,
          maxLength: TEXT_MAX.password,
          autoComplete: 'new-password',
          label: L('初始密码（至少8位）', 'Password (8+ characters)'),
        },
        { key: 'role', label: L('角色', 'Role'), options: ROLES.map((r) => [r, roleLabel(r)]) },
      ]}
      submit={L('新建', 'Create')}
      reset
      keep={['role']}
      onSubmit={async (v) => {
        await post('/users', {
          username: v.username.trim(),
          password: v.password,
          role: v.role,
          ...(v.role === 'leader' ? { teamIds: v.teamIds } : {}),
        });
        props.onDone();
        return L(`已建账号 ${v.username.trim()}。`, `Created ${v.username.trim()}.`);
      }}
    >
      {role === 'leader' ? (
        <fieldset class="checks">
          <legend>{L('带领的服务队', 'Leads teams')}</legend>
          {props.teams.map((t) => (
            <label key={t.id}>
              <input
                type="checkbox"
                checked={teamIds.includes(t.id)}
                onChange={(e) =>
                  form.set(
                    'teamIds',
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
    </Form>
  );
}

export function UsersSection() {
  const [editing, setEditing] = useState<number | null>(null);
  const users = useLoad((signal) => loadUsers(signal), []);
  const teams = useLoad((signal) => loadTeams(signal), []);
  const deactivate = useAction();
  const teamName = (id: number) => teams.data?.find((t) => t.id === id)?.name ?? `#${id}`;
  return (
    <>
      <Section title={L('工作人员账号', 'Staff accounts')}>
        <ErrorMsg error={deactivate.error} />
        <List
          load={users}
          columns={[
            L('用户名', 'Username'),
            L('角色', 'Role'),
            L('服务队', 'Teams'),
            L('状态', 'Status'),
            L('操作', 'Actions'),
          ]}
          row={(u) => [
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
                  <ActionButton
                    action={deactivate}
                    confirm={L(
                      `停用 ${u.username}？该账号会立即退出登录。`,
                      `Deactivate ${u.username}? They are logged out at once.`,
                    )}
                    onClick={async () => {
                      await deactivateUser(u.id);
                      users.reload();
                    }}
                  >
                    {L('停用', 'Deactivate')}
                  </ActionButton>
                ) : (
                  <ActionButton
                    action={deactivate}
                    onClick={async () => {
                      await post(`/users/${u.id}/activate`, {});
                      users.reload();
                    }}
                  >
                    {L('恢复', 'Re-activate')}
                  </ActionButton>
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
          ]}
        />
      </Section>
      <Section title={L('新建账号', 'New account')}>
        <NewUser teams={teams.data ?? []} onDone={users.reload} />
      </Section>
    </>
  );
}
