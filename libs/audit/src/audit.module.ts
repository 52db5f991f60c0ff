import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** Global: every module that changes something records it. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
