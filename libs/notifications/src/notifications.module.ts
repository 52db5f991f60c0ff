import { Global, Module } from '@nestjs/common';
import { DocumentsModule } from '@app/documents';
import { OutboxService } from './outbox.service.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

/** Global, like the audit trail: whatever changes something may have news for integrators. */
@Global()
@Module({
  imports: [DocumentsModule],
  providers: [OutboxService, WebhooksService, WebhookDispatcher],
  exports: [OutboxService, WebhooksService, WebhookDispatcher],
})
export class NotificationsModule {}
