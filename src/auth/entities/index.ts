import { LoginAttempt } from './login-attempt.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

/** The entities this module owns: staff users, their sessions and login attempts. */
export const authEntities = [User, Session, LoginAttempt];
