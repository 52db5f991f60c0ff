import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** Global, like the audit trail: whatever changes something may have news for integrators. */
@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class NotificationsModule {}
