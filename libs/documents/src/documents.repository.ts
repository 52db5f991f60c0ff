import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Verification } from '@app/common';
import { DocumentEntity } from './document.entity.js';

/**
 * The only SQL on `documents`. Every method that changes a row takes the caller's transaction: a
 * document changes together with the case it belongs to. Lock order: a document row before its case
 * row (CasesRepository writes the whole order down).
 */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A committed upload's row; its file was promoted just before (DocumentsService.commit). */
  async insert(manager: EntityManager, row: DocumentEntity): Promise<void> {
    await manager.insert(DocumentEntity, row);
  }

  /** A case's documents, oldest first; in `manager`'s transaction when one is given. */
  listForCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity[]> {
    return manager.find(DocumentEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One document of one case: a document id alone never reaches another case's document. */
  async findInCase(
    caseId: string,
    documentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DocumentEntity | null> {
    return manager.findOneBy(DocumentEntity, { id: documentId, caseId });
  }

  /** A reviewer's verdict on a document of this case. */
  async setVerification(
    manager: EntityManager,
    caseId: string,
    documentId: string,
    result: Exclude<Verification, 'PENDING'>,
    rejectionReason: string | null,
  ): Promise<void> {
    await manager.update(
      DocumentEntity,
      { id: documentId, caseId },
      { verification: result, rejectionReason: result === 'REJECTED' ? rejectionReason : null },
    );
  }

  /**
   * The oldest document waiting for its malware scan, locked for this transaction; SKIP LOCKED lets
   * every instance scan at once without taking the same one.
   */
  async claimNextToScan(manager: EntityManager, now: Date): Promise<DocumentEntity | null> {
    const [claimed] = await manager.query<[{ id: string }?]>(
      `SELECT id FROM documents WHERE scan_status = 'PENDING' AND (scan_retry_at IS NULL OR scan_retry_at <= $1)
       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return claimed ? manager.findOneByOrFail(DocumentEntity, { id: claimed.id }) : null;
  }

  async markScannedClean(manager: EntityManager, documentId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE documents SET scan_status = 'CLEAN', scanned_at = $2 WHERE id = $1`, [documentId, now]);
  }

  /** A stored copy that could not be read waits until `retryAt` while the documents behind it go on. */
  async putOffScan(manager: EntityManager, documentId: string, retryAt: Date): Promise<void> {
    await manager.query('UPDATE documents SET scan_retry_at = $2 WHERE id = $1', [documentId, retryAt]);
  }

  /** Malware: unreadable for good, and rejected with the reason the family reads. */
  async quarantine(
    manager: EntityManager,
    documentId: string,
    finding: string,
    now: Date,
    rejectionReason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE documents SET scan_status = 'INFECTED', scan_finding = $2, scanned_at = $3,
         verification = 'REJECTED', rejection_reason = $4 WHERE id = $1`,
      [documentId, finding, now, rejectionReason],
    );
  }

  /** The storage keys among `keys` that a row points to (the orphan sweep keeps those files). */
  async referencedKeys(keys: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ storage_key: string }[]>(
      'SELECT storage_key FROM documents WHERE storage_key = ANY($1::text[])',
      [keys],
    );
    return new Set(rows.map((row) => row.storage_key));
  }

  /** File names by document id, for the e-mails that name a document (a quarantined one). */
  async fileNames(documentIds: readonly string[]): Promise<Map<string, string>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; file_name: string }[]>(
      'SELECT id, file_name FROM documents WHERE id = ANY($1::uuid[])',
      [documentIds],
    );
    return new Map(rows.map((row) => [row.id, row.file_name]));
  }
}
