import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainException } from '@app/common';
import { CasesRepository } from './cases.repository.js';
import type { RequesterCase } from './requester-access.service.js';

/**
 * For support tooling acting for a family: finds the case of `:reference` before a body (an upload)
 * is read, and hands it on as the family's case (RequesterCaseParam). Put it after the caller's
 * authentication: an unauthenticated caller must not learn whether a reference exists.
 */
@Injectable()
export class CaseOnBehalfGuard implements CanActivate {
  constructor(private readonly cases: CasesRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { requesterCase?: RequesterCase }>();
    const reference = String(request.params.reference);
    const caseId = await this.cases.idOf(reference);
    if (caseId === undefined) throw new DomainException('NOT_FOUND', `There is no case ${reference}.`);
    request.requesterCase = { caseId, reference };
    return true;
  }
}
