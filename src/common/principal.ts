import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/**
 * A staff user's role: admin, leader and clerk work in one community; office (街道) oversees the
 * communities of a street office, reads their reports, ratings and verify results, manages the
 * communities, and never credits or redeems.
 */
export type StaffRole = 'admin' | 'leader' | 'clerk' | 'office';
export const STAFF_ROLES: StaffRole[] = ['admin', 'leader', 'clerk', 'office'];
/** The roles that work inside one community. */
export const COMMUNITY_ROLES: StaffRole[] = ['admin', 'leader', 'clerk'];

/**
 * Who is calling: a staff user with a role, or a volunteer logged in with passbook and PIN. Every
 * principal but a street-office user belongs to one community (`communityId`); a street-office user
 * has `communityId: null` and the street office it oversees.
 */
export type Principal =
  | {
      kind: 'user';
      userId: number;
      username: string;
      role: StaffRole;
      communityId: number | null;
      streetOfficeId: number | null;
    }
  | { kind: 'member'; memberId: number; passbookNo: string; communityId: number };

export type Role = StaffRole | 'volunteer';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Who may call an endpoint. Every endpoint carries this or @Public(); the guard refuses the rest. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export function roleOf(p: Principal): Role {
  return p.kind === 'user' ? p.role : 'volunteer';
}

/** "user:3" / "member:12": the actor written into the ledger and the scope of idempotency keys. */
export function actorOf(p: Principal): string {
  return p.kind === 'user' ? `user:${p.userId}` : `member:${p.memberId}`;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => {
    const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
    return req.principal!;
  },
);
