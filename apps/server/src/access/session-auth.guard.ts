import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainException } from '@app/common';
import { bearerToken, type SessionUser, SessionsService, type UserRole } from '@app/identity';

export const SESSION_COOKIE = 'nok_session';
export const CSRF_HEADER = 'x-csrf-token';
const ROLES_KEY = 'nok:roles';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which back-office roles may call a route guarded by SessionAuthGuard (default: any of them). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

type SessionRequest = Request & { sessionUser?: SessionUser };

/**
 * Back-office authentication: a bearer session token (scripts) or the session cookie (the web UI).
 * With the cookie, a state-changing request must also carry the CSRF token given at login.
 */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const bearer = bearerToken(request.headers.authorization);
    const cookie = sessionCookie(request);
    const user = await this.sessions.authenticate(bearer ?? cookie ?? '');
    if (!user) throw new DomainException('UNAUTHENTICATED', 'Log in first: your session is missing, ended or expired.');
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      const csrf = request.headers[CSRF_HEADER];
      if (!this.sessions.csrfMatches(user, typeof csrf === 'string' ? csrf : undefined)) {
        throw new DomainException(
          'FORBIDDEN',
          `Send the CSRF token you received at login in the ${CSRF_HEADER} header.`,
        );
      }
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(user.role)) {
      throw new DomainException('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`);
    }
    request.sessionUser = user;
    return true;
  }
}

/** The session cookie, as parsed by cookie-parser. */
function sessionCookie(request: Request): string | undefined {
  const cookies: unknown = (request as { cookies?: unknown }).cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const value: unknown = (cookies as Record<string, unknown>)[SESSION_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/** The logged-in back-office user (set by SessionAuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<SessionRequest>().sessionUser;
  if (!user) throw new Error('CurrentUser used without SessionAuthGuard');
  return user;
});
