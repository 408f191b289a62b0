import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/** A staff user's role. */
export type StaffRole = 'admin' | 'leader' | 'clerk';
export const STAFF_ROLES: StaffRole[] = ['admin', 'leader', 'clerk'];

/** Who is calling: a staff user with a role, or a volunteer logged in with passbook and PIN. */
export type Principal =
  | { kind: 'user'; userId: number; username: string; role: StaffRole }
  | { kind: 'member'; memberId: number; passbookNo: string };

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
