import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainException } from '@app/common';
import {
  type ApiKeyCaller,
  ApiKeysService,
  type ApiScope,
  bearerToken,
  looksLikeApiKey,
  type SessionUser,
} from '@app/identity';
import { SessionAuthGuard } from './session-auth.guard.js';

const SCOPE_KEY = 'nok:scope';

/** The scope an API key needs for a route. A route without one is closed to keys. */
export const Scope = (scope: ApiScope): MethodDecorator & ClassDecorator => SetMetadata(SCOPE_KEY, scope);

/** Who is calling a back-office or integration route. */
export type Caller = { kind: 'user'; user: SessionUser } | { kind: 'api-key'; key: ApiKeyCaller };

type CallerRequest = Request & { caller?: Caller; sessionUser?: SessionUser };

/**
 * Staff and integrations: an API key (`Authorization: Bearer nok_key_…`) is let through when it
 * has the route's scope; anything else goes through the session check (token or cookie, CSRF, roles).
 */
@Injectable()
export class CallerAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionAuthGuard,
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const bearer = bearerToken(request.headers.authorization);
    if (bearer && looksLikeApiKey(bearer)) {
      const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(SCOPE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      const key = await this.keys.authenticate(bearer);
      if (!key) throw new DomainException('UNAUTHENTICATED', 'This API key is unknown, revoked or expired.');
      if (!scope) throw new DomainException('FORBIDDEN', 'API keys cannot call this route.');
      if (!key.scopes.includes(scope)) throw new DomainException('FORBIDDEN', `This key lacks the scope ${scope}.`);
      request.caller = { kind: 'api-key', key };
      return true;
    }
    await this.sessions.canActivate(context);
    if (!request.sessionUser) throw new Error('SessionAuthGuard let a request through without a user');
    request.caller = { kind: 'user', user: request.sessionUser };
    return true;
  }
}

/** The caller of a route guarded by CallerAuthGuard. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used without CallerAuthGuard');
  return caller;
});

/** How the audit trail names a caller. */
export function auditActorOf(caller: Caller): { actorType: 'user' | 'api-key'; actorId: string } {
  return caller.kind === 'user'
    ? { actorType: 'user', actorId: caller.user.userId }
    : { actorType: 'api-key', actorId: caller.key.keyId };
}

/** The back-office user behind a call, or null for an API key. */
export function sessionUserOf(caller: Caller): SessionUser | null {
  return caller.kind === 'user' ? caller.user : null;
}

/** The key behind a route only keys may call (`Access.key`). */
export function keyIdOf(caller: Caller): string {
  if (caller.kind !== 'api-key') throw new Error('A key-only route was called without an API key');
  return caller.key.keyId;
}
