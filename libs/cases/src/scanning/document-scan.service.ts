import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock } from '@app/common';
import { type DocumentEntity, DocumentsRepository, DocumentsService, MalwareScanner } from '@app/documents';
import { OutboxService } from '@app/notifications';
import { CasesRepository } from '../cases.repository.js';
import { CaseTransitions, type TransitionActor } from '../state-machine/case-transitions.service.js';

const ACTOR = { actorType: 'system' as const, actorId: 'malware-scan' };
const SCANNER: TransitionActor = { id: 'malware-scan', role: 'system', audit: ACTOR };
/** What the family reads on a quarantined document (their portal shows it in their own language). */
const QUARANTINE_REASON =
  'This file contains malware and has been quarantined; nobody will open it. Please send a clean copy.';
/** How long a document whose stored copy could not be read waits before it is tried again. */
const UNREADABLE_RETRY_MS = 3_600_000;

export interface ScanRound {
  clean: number;
  infected: number;
  /** Documents whose stored copy could not be read: they stay unreadable and are tried again later. */
  unreadable: number;
  /** True when the scanner gave no verdict: the rest keep waiting for the next round. */
  scannerDown: boolean;
}

/**
 * Scans every document waiting for it (scan_status PENDING) through clamd, one at a time, each in a
 * transaction that holds its row (SKIP LOCKED, so every instance can run this). Clean documents
 * become readable; an infected one is quarantined: rejected with a reason, the checklist judged
 * again, audited, and the family told by e-mail. When clamd gives no verdict, nothing changes: the
 * documents stay unreadable until it is back (fail closed). A document whose stored copy cannot be
 * read (damaged, or a wrong master key) is neither passed nor rejected: it waits an hour, logged as
 * an error for the operators, and the documents behind it go on.
 */
@Injectable()
export class DocumentScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentScanService.name);
  private running: Promise<ScanRound> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scanner: MalwareScanner,
    private readonly documents: DocumentsService,
    private readonly rows: DocumentsRepository,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitions,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.CLAMD_SOCKET || !this.config.JOBS_ENABLED) return; // without background work, callers run scanPending()
    const timer = setInterval(() => this.scanSoon(), this.config.MALWARE_SCAN_POLL_SECONDS * 1000);
    timer.unref();
    this.scheduler.addInterval(DocumentScanService.name, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', DocumentScanService.name)) {
      this.scheduler.deleteInterval(DocumentScanService.name);
    }
  }

  /** Starts a round unless one is running (an upload calls this, so scans begin at once). */
  scanSoon(): void {
    if (!this.config.CLAMD_SOCKET || !this.config.JOBS_ENABLED || this.running) return;
    this.running = this.scanPending()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'Malware scan round failed');
        return { clean: 0, infected: 0, unreadable: 0, scannerDown: true };
      })
      .finally(() => (this.running = null));
  }

  async scanPending(): Promise<ScanRound> {
    const round: ScanRound = { clean: 0, infected: 0, unreadable: 0, scannerDown: false };
    for (;;) {
      const outcome = await this.dataSource.transaction((manager) => this.scanOne(manager));
      if (outcome === 'none') return round;
      if (outcome === 'scanner-down') return { ...round, scannerDown: true };
      round[outcome]++;
    }
  }

  private async scanOne(
    manager: EntityManager,
  ): Promise<'none' | 'clean' | 'infected' | 'unreadable' | 'scanner-down'> {
    const document = await this.rows.claimNextToScan(manager, this.clock.now());
    if (!document) return 'none';
    const content = this.documents.openContent(document);
    let unreadable: Error | undefined;
    content.once('error', (error) => (unreadable = error));
    let verdict;
    try {
      verdict = await this.scanner.scan(content);
    } catch (error) {
      if (unreadable) return await this.putOff(manager, document, unreadable);
      this.logger.warn({ err: error }, 'The malware scanner gave no verdict; documents keep waiting');
      return 'scanner-down';
    } finally {
      content.destroy(); // the scanner may fail before it reads: the file must not stay open
    }
    const now = this.clock.now();
    if (verdict.clean) {
      await this.rows.markScannedClean(manager, document.id, now);
      await this.audit.append(manager, {
        ...ACTOR,
        at: now.toISOString(),
        action: 'document.scanned',
        caseId: document.caseId,
        details: { documentId: document.id, result: 'CLEAN' },
      });
      return 'clean';
    }
    await this.quarantine(manager, document, verdict.finding, now);
    return 'infected';
  }

  private async putOff(manager: EntityManager, document: DocumentEntity, error: Error): Promise<'unreadable'> {
    const retryAt = new Date(this.clock.now().getTime() + UNREADABLE_RETRY_MS);
    await this.rows.putOffScan(manager, document.id, retryAt);
    this.logger.error(
      { err: error, documentId: document.id, retryAt },
      'A stored document could not be read for its malware scan; it stays unreadable and is tried again later',
    );
    return 'unreadable';
  }

  private async quarantine(
    manager: EntityManager,
    document: DocumentEntity,
    finding: string,
    now: Date,
  ): Promise<void> {
    await this.rows.quarantine(manager, document.id, finding.slice(0, 200), now, QUARANTINE_REASON);
    await this.cases.lockForChange(manager, document.caseId); // before the audit chain's lock (lock order)
    const record = { ...ACTOR, at: now.toISOString(), caseId: document.caseId };
    await this.audit.append(manager, {
      ...record,
      action: 'document.quarantined',
      details: { documentId: document.id, finding: finding.slice(0, 200) },
    });
    await this.outbox.add(manager, [
      {
        type: 'document.quarantined',
        caseId: document.caseId,
        occurredAt: now,
        payload: { documentId: document.id, documentType: document.type },
      },
    ]);
    // The rejected document may leave a required item unfilled: back to waiting for documents.
    await this.transitions.apply(manager, {
      caseId: document.caseId,
      action: 'documents-changed',
      actor: SCANNER,
      input: {
        documentChange: `the document "${document.fileName}" (${document.type}) was quarantined by the malware scan`,
      },
    });
  }
}
