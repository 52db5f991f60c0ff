import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { DocumentCipher, DocumentsRepository } from '@app/documents';
import { JobQueue } from '@app/jobs';
import { CaseDirectory, type CaseMailFacts } from '../case-directory.port.js';
import { OutboxRepository } from '../outbox.repository.js';
import { afterFailure, OutboxWorker } from '../outbox-worker.js';
import { confirmationCode } from './confirmation-code.js';
import { composeMail, type MailFacts, mailLanguage } from './mail-composer.js';
import { type ClaimedMailRow, MailMessagesRepository } from './mail-messages.repository.js';
import { MailTransport } from './mail-transport.js';

export const MAIL_DISPATCH_JOB = 'mail-dispatch';
const CLAIM = 20;
const QUEUE = 500;
const LEASE_SECONDS = 120;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ClaimedMail extends ClaimedMailRow {
  case: CaseMailFacts;
  documentFileName: string | undefined;
}

export interface MailFigures {
  queued: number;
  sent: number;
  retrying: number;
  dead: number;
}

/**
 * E-mail to requesters from the same outbox as the webhooks: the acknowledgement with the address
 * confirmation, deficiency notices, decisions with their reason, deadline warnings. Queued in the
 * fan-out, sent under a lease, retried with backoff for 24 hours: a crash after the commit sends later.
 */
@Injectable()
export class MailDispatcher extends OutboxWorker<MailFigures> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly messages: MailMessagesRepository,
    private readonly transport: MailTransport,
    private readonly cipher: DocumentCipher,
    private readonly cases: CaseDirectory,
    private readonly documents: DocumentsRepository,
    private readonly clock: Clock,
    config: AppConfig,
    jobs: JobQueue,
  ) {
    super(MAIL_DISPATCH_JOB, jobs, config);
  }

  async runOnce(): Promise<MailFigures> {
    const figures = { queued: await this.queue(), sent: 0, retrying: 0, dead: 0 };
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return figures;
      for (const mail of claimed) figures[await this.send(mail)]++;
    }
  }

  /** One message per event a family hears about, queued with the event's own transaction long gone. */
  private async queue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.outbox.lockUnhandled(manager, 'mail', QUEUE);
      if (ids.length === 0) return 0;
      const now = this.clock.now();
      const queued = await this.messages.queueForEvents(manager, ids, now);
      await this.outbox.markHandled(manager, 'mail', ids, now);
      return queued;
    });
  }

  /** Mails due now, leased to this instance, with what they say of their case and document. */
  private async claim(): Promise<ClaimedMail[]> {
    const rows = await this.messages.claimDue(this.clock.now(), CLAIM, LEASE_SECONDS);
    const documentIdOf = (row: ClaimedMailRow): string | undefined =>
      typeof row.payload.documentId === 'string' && UUID.test(row.payload.documentId)
        ? row.payload.documentId
        : undefined;
    const [cases, fileNames] = await Promise.all([
      this.cases.mailFacts([...new Set(rows.map((row) => row.case_id))]),
      this.documents.fileNames(rows.flatMap((row) => documentIdOf(row) ?? [])),
    ]);
    return rows.flatMap((row) => {
      const facts = cases.get(row.case_id);
      const documentId = documentIdOf(row);
      return facts
        ? [{ ...row, case: facts, documentFileName: documentId === undefined ? undefined : fileNames.get(documentId) }]
        : [];
    });
  }

  private async send(mail: ClaimedMail): Promise<'sent' | 'retrying' | 'dead'> {
    const language = mailLanguage(mail.case.requesterLanguage);
    const { subject, text } = composeMail(mail.kind, this.facts(mail), language);
    try {
      await this.transport.send({ id: mail.id, to: mail.case.requesterEmail, subject, text, language });
      await this.messages.markSent(mail.id, this.clock.now());
      return 'sent';
    } catch (error) {
      const now = this.clock.now();
      const { next, dead } = afterFailure(mail.attempts, mail.created_at, now);
      await this.messages.markFailed(
        mail.id,
        dead ? 'DEAD' : 'PENDING',
        next,
        (error instanceof Error ? error.message : String(error)).slice(0, 500),
      );
      return dead ? 'dead' : 'retrying';
    }
  }

  private facts(mail: ClaimedMail): MailFacts {
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const code = confirmationCode(this.cipher, mail.case_id);
    const facts = mail.case;
    return {
      requesterName: facts.requesterFullName,
      reference: facts.reference,
      subjectName: facts.subjectFullName,
      statusLink: `${base}/requests/${facts.reference}`,
      confirmLink: `${base}/requests/${facts.reference}/confirm?code=${code}`,
      confirmCode: code,
      note: facts.deficiencyNotice?.note,
      missing: facts.deficiencyNotice?.items,
      outcome: facts.decisionOutcome ?? undefined,
      reason: facts.decisionReason ?? undefined,
      deadline: typeof mail.payload.date === 'string' ? mail.payload.date : undefined,
      daysLeft: typeof mail.payload.daysLeft === 'number' ? mail.payload.daysLeft : undefined,
      fileName: mail.documentFileName,
      ...this.holdEnd(mail),
    };
  }

  /** A request that holds the data keeps its hold UNCONFIRMED_HOLD_DAYS unless the address is confirmed. */
  private holdEnd(mail: ClaimedMail): { holdEndsOn?: string; holdDays?: number } {
    const holds = mail.payload.requestType === 'RELEASE_DATA' || mail.payload.requestType === 'PRESERVE_DATA';
    if (mail.kind !== 'ACKNOWLEDGEMENT' || !holds || !this.config.REQUIRE_EMAIL_VERIFICATION) return {};
    const days = this.config.UNCONFIRMED_HOLD_DAYS;
    const placed = new Date(`${mail.created_at.toISOString().slice(0, 10)}T00:00:00Z`);
    return { holdEndsOn: new Date(placed.getTime() + days * 86_400_000).toISOString().slice(0, 10), holdDays: days };
  }
}
