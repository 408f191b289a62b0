import { DataSource, MoreThan, Raw } from 'typeorm';
import { LoginAttempt } from '../auth/entities/login-attempt.entity';
import { Session } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { pairKey, passbookSubject, userSubject } from '../auth/lockout.service';
import { hashSecret, randomSecret } from '../auth/password';
import { createDataSource } from '../common/db/data-source';
import { writeTransaction } from '../common/db/database';
import { AppConfig } from '../config/app-config';
import { Member } from '../people/entities/member.entity';
import { normalisePassbookNumber } from '../people/passbook-number';
import { Community, StreetOffice } from '../communities/entities/community.entity';
import { USERNAME_RE } from '../auth/dto/login.dto';
import { placeColumns, StaffPlace } from '../auth/staff-place';

/**
 * What an operator does from the command line while the service runs: lift a lockout, give a user
 * a new password, create a street-office user or a community's admin. Each opens the database through the project's data source on a connection of its
 * own and changes it in one short write transaction; the service reads locks, users and sessions
 * from the database on every request, so the change takes effect at once in every instance.
 */

export class OperatorError extends Error {}

/** Opens the store named by DATABASE_PATH / DATABASE_URL; refuses one the service has not migrated. */
export async function openStore(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  if (await dataSource.showMigrations()) {
    await dataSource.destroy();
    throw new OperatorError('the database has pending migrations: start the service once first');
  }
  return dataSource;
}

/** Rows of the subjects, from every address (`user:x` and `user:x@<address>`). */
const rowsOf = (subjects: string[]) =>
  subjects.flatMap((subject) => [
    { subject },
    {
      subject: Raw((column) => `substr(${column}, 1, :length) = :prefix`, {
        length: pairKey(subject, '').length,
        prefix: pairKey(subject, ''),
      }),
    },
  ]);

/**
 * `user:unlock`: lifts every lockout of a staff username or a passbook number, from every address.
 * The lookups come first, so the write transaction is one DELETE and holds the lock for a moment.
 */
export async function unlock(
  dataSource: DataSource,
  who: string,
  now = new Date(),
): Promise<{ subjects: string[]; locksLifted: number }> {
  const em = dataSource.manager;
  const subjects: string[] = [];
  if (await em.findOneBy(User, { username: who })) {
    subjects.push(userSubject(who));
  }
  const passbookNo = normalisePassbookNumber(who);
  if (passbookNo && (await em.findOneBy(Member, { passbookNo }))) {
    subjects.push(passbookSubject(passbookNo));
  }
  if (subjects.length === 0) {
    throw new OperatorError(`no staff user or volunteer passbook "${who}"`);
  }
  const locksLifted = await em.countBy(
    LoginAttempt,
    rowsOf(subjects).map((where) => ({ ...where, lockedUntil: MoreThan(now.toISOString()) })),
  );
  await writeTransaction(dataSource, (tx) => tx.delete(LoginAttempt, rowsOf(subjects)));
  return { subjects, locksLifted };
}

/**
 * `user:reset-password`: gives a staff user a generated password, ends their sessions and lifts
 * their lockout. Returns the password (shown once; the database keeps only its hash).
 */
export async function resetPassword(
  dataSource: DataSource,
  username: string,
): Promise<{ password: string; active: boolean; sessionsEnded: number }> {
  const user = await dataSource.manager.findOneBy(User, { username });
  if (!user) {
    throw new OperatorError(`no staff user "${username}"`);
  }
  const password = randomSecret(16);
  const passwordHash = await hashSecret(password);
  const sessionsEnded = await writeTransaction(dataSource, async (tx) => {
    await tx.update(User, { id: user.id }, { passwordHash, mustChangePassword: true });
    await tx.delete(LoginAttempt, rowsOf([userSubject(username)]));
    return (await tx.delete(Session, { userId: user.id })).affected ?? 0;
  });
  return { password, active: user.active, sessionsEnded };
}

/**
 * `user:create`: a street-office user (role office) for a street office given by id, or an admin of
 * a community given by its code, with a generated password shown once (the pages ask the user for
 * their own at the first login). The rules of AuthService.createUser: the username is free across
 * the service, the place fits the role (`placeColumns`), the community or street office exists.
 */
export async function createStaffUser(
  dataSource: DataSource,
  input: { username: string; role: 'office' | 'admin'; place: string },
  now = new Date(),
): Promise<{
  id: number;
  password: string;
  communityId: number | null;
  streetOfficeId: number | null;
}> {
  const username = input.username.trim();
  if (!USERNAME_RE.test(username)) {
    throw new OperatorError('a username is 3-64 letters, digits, dots, dashes or underscores');
  }
  let place: StaffPlace;
  if (input.role === 'office') {
    const streetOfficeId = Number(input.place);
    const office = Number.isSafeInteger(streetOfficeId)
      ? await dataSource.manager.findOneBy(StreetOffice, { id: streetOfficeId })
      : null;
    if (!office) {
      throw new OperatorError(`no street office with id "${input.place}"`);
    }
    place = { streetOfficeId };
  } else {
    const community = await dataSource.manager.findOneBy(Community, { code: input.place });
    if (!community) {
      throw new OperatorError(`no community with code "${input.place}"`);
    }
    place = { communityId: community.id };
  }
  const columns = placeColumns(input.role, place);
  const password = randomSecret(16);
  const passwordHash = await hashSecret(password);
  const id = await writeTransaction(dataSource, async (tx) => {
    if (await tx.findOneBy(User, { username })) {
      throw new OperatorError(`username "${username}" is already taken`);
    }
    const result = await tx.insert(User, {
      username,
      passwordHash,
      role: input.role,
      active: true,
      ...columns,
      createdAt: now.toISOString(),
      mustChangePassword: true,
    });
    return Number((result.identifiers[0] as { id: unknown }).id);
  });
  return { id, password, ...columns };
}

/** Runs one operator command: usage, errors and exit codes shared by the entry files. */
export async function runOperatorCommand(
  usage: string,
  command: (dataSource: DataSource, arg: string, ...rest: string[]) => Promise<string>,
  loadDatabase: () => AppConfig['database'],
  argsNeeded = 1,
): Promise<void> {
  const [arg, ...rest] = process.argv.slice(2);
  if (!arg || rest.length < argsNeeded - 1) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openStore(loadDatabase());
    console.log(await command(dataSource, arg, ...rest));
  } catch (err) {
    console.error(err instanceof OperatorError ? err.message : `failed: ${String(err)}`);
    process.exitCode = 1;
  } finally {
    if (dataSource?.isInitialized) {
      await dataSource.destroy();
    }
  }
}
