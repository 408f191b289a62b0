import { loadConfig } from '../config/app-config';
import { runOperatorCommand, unlock } from './user-admin';

/** `npm run user:unlock -- <username|passbookNo>`: lifts a lockout while the service runs. */
void runOperatorCommand(
  'npm run user:unlock -- <username|passbookNo>',
  async (dataSource, who) => {
    const { subjects, locksLifted } = await unlock(dataSource, who);
    return `${subjects.join(', ')}: ${locksLifted} active lock(s) lifted, failed logins forgotten`;
  },
  () => loadConfig(process.env).database,
);
