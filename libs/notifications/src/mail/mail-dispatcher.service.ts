import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { DocumentCipher, DocumentsRepository } from '@app/documents';
import { JobQueue } from '@app/jobs';
import { CaseDirectory, type CaseMailFacts } from '../case-directory.port.js';
import { afterFailure, OutboxWorker } from '../outbox-worker.js';
import { confirmationCode } from './confirmation-code.js';
import { composeMail, type MailFacts, type MailKind, mailLanguage } from './mail-composer.js';
import { MailTransport } from './mail-transport.js';

export const MAIL_DISPATCH_JOB = 'mail-dispatch';
const CLAIM = 20;
const LEASE_SECONDS = 120;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ClaimedRow {
  id: string;
  kind: MailKind;
  attempts: number;
  created_at: Date;
  case_id: string;
  payload: Record<string, unknown>;
}

interface ClaimedMail extends ClaimedRow {
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
      const events = await manager.query<{ id: string }[]>(
        `SELECT id FROM outbox_events WHERE mailed_at IS NULL ORDER BY seq LIMIT 500 FOR UPDATE SKIP LOCKED`,
      );
      if (events.length === 0) return 0;
      const ids = events.map((event) => event.id);
      const now = this.clock.now();
      const queued = await manager.query<unknown[]>(
        `INSERT INTO mail_messages (event_id, case_id, kind, next_attempt_at, created_at)
         SELECT e.id, e.case_id, k.kind, $2, $2 FROM outbox_events e
         CROSS JOIN LATERAL (SELECT CASE
           WHEN e.type = 'case.created' THEN 'ACKNOWLEDGEMENT'
           WHEN e.type = 'case.state_changed' AND e.payload->>'to' = 'NEEDS_INFO' THEN 'DEFICIENCY'
           WHEN e.type = 'case.decided' THEN 'DECISION'
           WHEN e.type = 'deadline.escalated' THEN 'DEADLINE'
           WHEN e.type = 'document.quarantined' THEN 'QUARANTINE' END AS kind) k
         WHERE e.id = ANY($1::uuid[]) AND k.kind IS NOT NULL AND e.case_id IS NOT NULL
         ON CONFLICT (event_id, kind) DO NOTHING
         RETURNING id`,
        [ids, now],
      );
      await manager.query('UPDATE outbox_events SET mailed_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);
      return queued.length;
    });
  }

  /** Mails due now, leased to this instance, with what they say of their case and document. */
  private async claim(): Promise<ClaimedMail[]> {
    const rows = await this.dataSource.query<ClaimedRow[]>(
      `WITH claimed AS (
         UPDATE mail_messages m
         SET next_attempt_at = $1::timestamptz + make_interval(secs => ${String(LEASE_SECONDS)}), attempts = attempts + 1
         WHERE m.id IN (
           SELECT id FROM mail_messages WHERE status = 'PENDING' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT ${String(CLAIM)} FOR UPDATE SKIP LOCKED)
         RETURNING m.id, m.kind, m.attempts, m.created_at, m.case_id, m.event_id
       )
       SELECT m.id, m.kind, m.attempts, m.created_at, m.case_id, e.payload
       FROM claimed m JOIN outbox_events e ON e.id = m.event_id`,
      [this.clock.now()],
    );
    const documentIdOf = (row: ClaimedRow): string | undefined =>
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
      await this.dataSource.query(
        `UPDATE mail_messages SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1`,
        [mail.id, this.clock.now()],
      );
      return 'sent';
    } catch (error) {
      const now = this.clock.now();
      const { next, dead } = afterFailure(mail.attempts, mail.created_at, now);
      await this.dataSource.query(
        'UPDATE mail_messages SET status = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1',
        [
          mail.id,
          dead ? 'DEAD' : 'PENDING',
          next,
          (error instanceof Error ? error.message : String(error)).slice(0, 500),
        ],
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
    };
  }
}
