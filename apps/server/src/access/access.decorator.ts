import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, DECORATORS } from '@nestjs/swagger';
import { RequesterAccessGuard } from './requester-access.guard.js';
import { type ApiScope, type UserRole } from '@app/identity';
import { CallerAuthGuard, Scope } from './caller-auth.guard.js';
import { Roles } from './session-auth.guard.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

export const ACCESS_KEY = 'nok:access';

/** Who may call a route. Every route says it; AccessPolicyGuard refuses any route that does not. */
export type Caller = 'public' | 'requester' | UserRole | `key:${ApiScope}`;

/**
 * Declares and enforces who may call a route, in one place:
 * - `Access.public()` anyone (still rate limited where it matters);
 * - `Access.requester()` the family of the case in `:reference`, by its access token;
 * - `Access.staff('reviewer', 'legal')` logged-in back-office users with one of those roles;
 * - `Access.staffOrKey('cases:read', 'reviewer')` those, and API keys with that scope;
 * - `Access.key('cases:write')` API keys with that scope only.
 * Each also documents the refusals its check can give (401, 403 or 404).
 */
export const Access = {
  public: (): MethodDecorator =>
    applyDecorators(SetMetadata(ACCESS_KEY, ['public'] satisfies Caller[]), ApiNoCredentials()),
  requester: (): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, ['requester'] satisfies Caller[]),
      UseGuards(RequesterAccessGuard),
      ApiBearerAuth('requester-token'),
      ApiProblems(401, 404), // a wrong token learns nothing more than an unknown reference
    ),
  staff: (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, roles satisfies Caller[]),
      UseGuards(CallerAuthGuard),
      Roles(...roles),
      ApiBearerAuth('session'),
      ApiProblems(401, 403), // 403 also for another role, and for API keys
    ),
  staffOrKey: (scope: ApiScope, ...roles: UserRole[]): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, [...roles, `key:${scope}`] satisfies Caller[]),
      UseGuards(CallerAuthGuard),
      Roles(...roles),
      Scope(scope),
      ApiBearerAuth('session'),
      ApiBearerAuth('api-key'),
      ApiProblems(401, 403),
    ),
  key: (scope: ApiScope): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, [`key:${scope}`] satisfies Caller[]),
      UseGuards(CallerAuthGuard),
      Roles(),
      Scope(scope),
      ApiBearerAuth('api-key'),
      ApiProblems(401, 403),
    ),
};

/**
 * `security: []` on the operation in the OpenAPI document: it takes no credentials, said outright rather
 * than left for a client generator to guess. @nestjs/swagger has no decorator for an empty list, so this
 * merges it into the operation's metadata, keeping the summary whichever decorator runs first.
 */
function ApiNoCredentials(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, method) as object | undefined;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, method);
  };
}
