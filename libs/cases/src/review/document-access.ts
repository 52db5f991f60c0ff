import { DomainException } from '@app/common';
import { type DocumentEntity, readable } from '@app/documents';

/** A reviewer reads (or accepts) a document only once it is scanned clean, or was stored with scanning off. */
export function assertReadable(document: DocumentEntity): void {
  if (document.scanStatus === 'PENDING') {
    throw new DomainException(
      'DOCUMENT_NOT_SCANNED',
      'This document is still being scanned for malware; try again shortly.',
    );
  }
  if (!readable(document.scanStatus)) {
    throw new DomainException(
      'DOCUMENT_QUARANTINED',
      'This document carries malware and is quarantined; it cannot be opened.',
    );
  }
}
