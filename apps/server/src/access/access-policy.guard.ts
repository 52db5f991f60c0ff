import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException } from '@app/common';
import { ACCESS_KEY, type Caller } from './access.decorator.js';

/**
 * Deny by default: a route that does not declare who may call it (with `Access`) is refused for
 * everyone. The route's own guards then check the caller against what it declares.
 */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  private readonly logger = new Logger(AccessPolicyGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const callers = this.reflector.getAllAndOverride<Caller[] | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (callers && callers.length > 0) return true;
    this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access; refused`);
    throw new DomainException('FORBIDDEN', 'This route is not open to anyone.');
  }
}
