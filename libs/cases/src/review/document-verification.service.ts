import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException } from '@app/common';
import { DocumentsRepository } from '@app/documents';
import type { SessionUser } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { CasesRepository } from '../cases.repository.js';
import { CaseTransitions, type TransitionOutcome } from '../state-machine/case-transitions.service.js';
import { assertReadable } from './document-access.js';
import type { VerificationDto } from './case-action.dto.js';
import { caseByReference } from './case-lookup.js';

/**
 * A reviewer accepts or rejects a document; the checklist is judged again and the case moves as the
 * state machine decides (a rejected required document sends it back to the family).
 */
@Injectable()
export class DocumentVerification {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsRepository,
    private readonly transitions: CaseTransitions,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async verify(
    reference: string,
    documentId: string,
    body: VerificationDto,
    user: SessionUser,
  ): Promise<TransitionOutcome> {
    const reason = body.reason?.trim() ?? '';
    if (body.result === 'REJECTED' && !reason) {
      throw new DomainException('REASON_REQUIRED', 'A rejected document needs a reason the family can act on.');
    }
    return this.dataSource.transaction(async (manager) => {
      const { id: caseId } = await caseByReference(this.cases, reference, manager);
      const actor = { id: user.userId, role: user.role, audit: { actorType: 'user' as const, actorId: user.userId } };
      const found = await this.documents.findInCase(caseId, documentId, manager);
      if (!found) throw new DomainException('NOT_FOUND', 'This case has no such document.');
      if (body.result === 'ACCEPTED') assertReadable(found); // nobody accepts what nobody could look at
      await this.documents.setVerification(manager, caseId, documentId, body.result, reason);
      await this.cases.lockForChange(manager, caseId); // after the document's row, before the audit chain (lock order)
      const now = this.clock.now();
      await this.audit.append(manager, {
        at: now.toISOString(),
        ...actor.audit,
        action: 'document.verified',
        caseId,
        details: { documentId, result: body.result },
      });
      await this.outbox.add(manager, [
        { type: 'document.verified', caseId, occurredAt: now, payload: { documentId, result: body.result } },
      ]);
      const verdict = body.result === 'REJECTED' ? `rejected (${reason})` : body.result.toLowerCase();
      return this.transitions.apply(manager, {
        caseId,
        action: 'verify-document',
        actor,
        input: { documentChange: `the document "${found.fileName}" (${found.type}) was ${verdict}` },
      });
    });
  }
}
