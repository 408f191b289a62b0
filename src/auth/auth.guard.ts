import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../common/errors';
import { AuthService } from './auth.service';
import { Principal, PUBLIC_KEY, Role, roleOf, ROLES_KEY } from './principal';

/** The one guard: bearer token to principal, then the endpoint's @Roles. Fails closed. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const req = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await this.auth.authenticate(match[1]) : null;
    if (!principal) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'log in first: the token is missing, expired or revoked',
      );
    }
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(roleOf(principal))) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'your role may not do this', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    return true;
  }
}
