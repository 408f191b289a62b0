import 'reflect-metadata';
import { VERIFY_EXIT, verifyCommand } from './verify-command';

/** `npm run ledger:verify [-- [--json] <sqlite-file>]`: exit 0 ok, 1 the ledger is broken, 2 could not check. */
verifyCommand(process.env, process.argv.slice(2)).then(
  ({ exitCode, output }) => {
    (exitCode === VERIFY_EXIT.CANNOT_CHECK ? console.error : console.log)(output);
    process.exit(exitCode);
  },
  (err: unknown) => {
    console.error('verify failed:', err instanceof Error ? err.message : err);
    process.exit(VERIFY_EXIT.CANNOT_CHECK);
  },
);
