import { InitialSchema1763900000000 } from './1763900000000-initial-schema.js';
import { CaseChecklistVersion1763990000000 } from './1763990000000-case-checklist-version.js';
import { ReviewerIdentity1764000000000 } from './1764000000000-reviewer-identity.js';
import { AuditTrail1764100000000 } from './1764100000000-audit-trail.js';
import { CaseReview1764200000000 } from './1764200000000-case-review.js';
import { AccountTimeline1764300000000 } from './1764300000000-account-timeline.js';
import { ApiKeys1764400000000 } from './1764400000000-api-keys.js';
import { Webhooks1764500000000 } from './1764500000000-webhooks.js';
import { Idempotency1764600000000 } from './1764600000000-idempotency.js';
import { RequesterMail1764700000000 } from './1764700000000-requester-mail.js';
import { MalwareScan1764800000000 } from './1764800000000-malware-scan.js';
import { HoldsByCase1764900000000 } from './1764900000000-holds-by-case.js';
import { ScanRetry1765000000000 } from './1765000000000-scan-retry.js';
import { CaseWritesInCode1765100000000 } from './1765100000000-case-writes-in-code.js';
import { StateChangeNotes1765250000000 } from './1765250000000-state-change-notes.js';
import { RequesterStatements1765300000000 } from './1765300000000-requester-statements.js';

/** Every migration, oldest first. Listed, not globbed, so the ESM build needs no file scanning. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  CaseChecklistVersion1763990000000,
  ReviewerIdentity1764000000000,
  AuditTrail1764100000000,
  CaseReview1764200000000,
  AccountTimeline1764300000000,
  ApiKeys1764400000000,
  Webhooks1764500000000,
  Idempotency1764600000000,
  RequesterMail1764700000000,
  MalwareScan1764800000000,
  HoldsByCase1764900000000,
  ScanRetry1765000000000,
  CaseWritesInCode1765100000000,
  StateChangeNotes1765250000000,
  RequesterStatements1765300000000,
];
