import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { type RequesterCase, RequesterAccessService } from '@app/cases';

/**
 * For support tooling acting for a family: finds the case of `:reference` before a body (an upload)
 * is read, and hands it on as the family's case (RequesterCaseParam). Put it after the caller's
 * authentication: an unauthenticated caller must not learn whether a reference exists.
 */
@Injectable()
export class CaseOnBehalfGuard implements CanActivate {
  constructor(private readonly access: RequesterAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { requesterCase?: RequesterCase }>();
    const reference = String(request.params.reference);
    request.requesterCase = await this.access.forSupportTooling(reference);
    return true;
  }
}
