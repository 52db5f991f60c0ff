export {
  ACTOR_TYPES,
  type ActorType,
  type AuditDetailValue,
  type AuditEntry,
  type AuditRecord,
  AuditRecordRejected,
  chainEntry,
  type ChainProblem,
  type ChainVerdict,
  ChainVerifier,
  type Checkpoint,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
