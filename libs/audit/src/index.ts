export { ACTOR_TYPES, type ActorType, type AuditEntry, type AuditRecord, type Checkpoint } from './audit-chain.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
