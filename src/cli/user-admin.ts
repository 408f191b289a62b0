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

/**
 * What an operator does from the command line while the service runs: lift a lockout, give a user
 * a new password. Each opens the database through the project's data source on a connection of its
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

/** Runs one operator command: usage, errors and exit codes shared by the entry files. */
export async function runOperatorCommand(
  usage: string,
  command: (dataSource: DataSource, arg: string) => Promise<string>,
  loadDatabase: () => AppConfig['database'],
): Promise<void> {
  const arg = process.argv[2];
  if (!arg) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openStore(loadDatabase());
    console.log(await command(dataSource, arg));
  } catch (err) {
    console.error(err instanceof OperatorError ? err.message : `failed: ${String(err)}`);
    process.exitCode = 1;
  } finally {
    if (dataSource?.isInitialized) {
      await dataSource.destroy();
    }
  }
}
