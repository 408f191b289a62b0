// The server's text limits, from their one home (src/common/limits.ts, which imports nothing): the
// pages cap their inputs with these so nobody types what the server would refuse.
export { DECISION_IDS_MAX, PASSWORD_MIN, TEXT_MAX } from '../../src/common/limits';
