import { loadConfig } from '../config/app-config';
import { createStaffUser, OperatorError, runOperatorCommand } from './user-admin';

const USAGE = [
  'npm run user:create -- <username> office <streetOfficeId>   # a street-office user',
  '       npm run user:create -- <username> admin <communityCode>    # an admin of a community',
].join('\n');

/** `npm run user:create`: a street-office user or a community's admin, password printed once. */
void runOperatorCommand(
  USAGE,
  async (dataSource, username, role, place) => {
    if (role !== 'office' && role !== 'admin') {
      throw new OperatorError(`the role is office or admin, not "${role}"\nusage: ${USAGE}`);
    }
    const created = await createStaffUser(dataSource, { username, role, place });
    const where =
      created.streetOfficeId !== null
        ? `street office ${created.streetOfficeId}`
        : `community "${place}" (id ${created.communityId})`;
    return [
      `created ${role} "${username}" (id ${created.id}) for ${where}`,
      `password: ${created.password}`,
      'the pages ask for a new one at the first login.',
    ].join('\n');
  },
  () => loadConfig(process.env).database,
  3,
);
