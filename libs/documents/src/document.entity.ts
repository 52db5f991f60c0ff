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

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
