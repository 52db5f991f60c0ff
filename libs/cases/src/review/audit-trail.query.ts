import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CasesRepository } from '../cases.repository.js';
import { AuditTrailView } from './audit-trail.view.js';
import { caseByReference } from './case-lookup.js';

/** The case's part of the audit trail, oldest first (api.md: GET /cases/{reference}/audit). */
@Injectable()
export class AuditTrailQuery {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  async forCase(reference: string): Promise<AuditTrailView> {
    const entity = await caseByReference(this.cases, reference);
    return AuditTrailView.from(reference, await this.audit.forCase(entity.id));
  }
}
