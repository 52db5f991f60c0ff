import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { RequesterAccessGuard } from '@app/cases';
import { Roles, SessionAuthGuard, type UserRole } from '@app/identity';

export const ACCESS_KEY = 'nok:access';

/** Who may call a route. Every route says it; AccessPolicyGuard refuses any route that does not. */
export type Caller = 'public' | 'requester' | UserRole;

/**
 * Declares and enforces who may call a route, in one place:
 * - `Access.public()` anyone (still rate limited where it matters);
 * - `Access.requester()` the family of the case in `:reference`, by its access token;
 * - `Access.staff('reviewer', 'legal')` logged-in back-office users with one of those roles.
 */
export const Access = {
  public: (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, ['public'] satisfies Caller[]),
  requester: (): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, ['requester'] satisfies Caller[]),
      UseGuards(RequesterAccessGuard),
      ApiBearerAuth('requester-token'),
    ),
  staff: (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
    applyDecorators(
      SetMetadata(ACCESS_KEY, roles satisfies Caller[]),
      UseGuards(SessionAuthGuard),
      Roles(...roles),
      ApiBearerAuth('session'),
    ),
};
