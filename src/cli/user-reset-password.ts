import { loadConfig } from '../config/app-config';
import { resetPassword, runOperatorCommand } from './user-admin';

/** `npm run user:reset-password -- <username>`: a new generated password, printed once. */
void runOperatorCommand(
  'npm run user:reset-password -- <username>',
  async (dataSource, username) => {
    const { password, active, sessionsEnded } = await resetPassword(dataSource, username);
    return [
      `new password for "${username}": ${password}`,
      `${sessionsEnded} session(s) ended, lockout lifted; change it after logging in.`,
      ...(active ? [] : [`note: "${username}" is deactivated; an admin must activate the user.`]),
    ].join('\n');
  },
  () => loadConfig(process.env).database,
);
