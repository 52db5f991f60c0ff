import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentType, ServedVia, Verification } from '@app/common';

const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  type!: DocumentType;

  @Column({ name: 'served_via', type: 'text', nullable: true })
  servedVia!: ServedVia | null;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ name: 'wrapped_key', type: 'bytea' })
  wrappedKey!: Buffer;

  @Column({ name: 'content_iv', type: 'bytea' })
  contentIv!: Buffer;

  @Column({ name: 'content_tag', type: 'bytea' })
  contentTag!: Buffer;

  @Column({ type: 'text', default: 'PENDING' })
  verification!: Verification;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  /** PENDING until clamd's verdict; only CLEAN (or NOT_SCANNED, with scanning off) may be read. */
  @Column({ name: 'scan_status', type: 'text', default: 'PENDING' })
  scanStatus!: ScanStatus;

  @Column({ name: 'scanned_at', type: 'timestamptz', nullable: true })
  scannedAt!: Date | null;

  /** What the scanner found in an INFECTED document (the signature's name). */
  @Column({ name: 'scan_finding', type: 'text', nullable: true })
  scanFinding!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const SCAN_STATUSES = ['PENDING', 'CLEAN', 'INFECTED', 'NOT_SCANNED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** Whether reviewers may open a document: scanned clean, or stored while scanning was off. */
export function readable(status: ScanStatus): boolean {
  return status === 'CLEAN' || status === 'NOT_SCANNED';
}
