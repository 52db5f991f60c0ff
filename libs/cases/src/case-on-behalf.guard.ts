import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainException } from '@app/common';
import type { RequesterCase } from './requester-access.service.js';

/**
 * For support tooling acting for a family: finds the case of `:reference` before a body (an upload)
 * is read, and hands it on as the family's case (RequesterCaseParam). Put it after the caller's
 * authentication: an unauthenticated caller must not learn whether a reference exists.
 */
@Injectable()
export class CaseOnBehalfGuard implements CanActivate {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { requesterCase?: RequesterCase }>();
    const reference = String(request.params.reference);
    const [found] = await this.dataSource.query<[{ id: string }?]>('SELECT id FROM cases WHERE reference = $1', [
      reference,
    ]);
    if (!found) throw new DomainException('NOT_FOUND', `There is no case ${reference}.`);
    request.requesterCase = { caseId: found.id, reference };
    return true;
  }
}
