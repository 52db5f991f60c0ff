import { Global, Module } from '@nestjs/common';
import { DocumentsModule } from '@app/documents';
import { MailDispatcher } from './mail/mail-dispatcher.service.js';
import { MailMessagesRepository } from './mail/mail-messages.repository.js';
import { MailTransport } from './mail/mail-transport.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service.js';
import { WebhooksRepository } from './webhooks/webhooks.repository.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

/** Global, like the audit trail: whatever changes something may have news for integrators. */
@Global()
@Module({
  imports: [DocumentsModule],
  providers: [
    OutboxRepository,
    MailMessagesRepository,
    WebhooksRepository,
    OutboxService,
    WebhooksService,
    WebhookDispatcher,
    MailTransport,
    MailDispatcher,
  ],
  exports: [OutboxService, WebhooksService, WebhookDispatcher, MailDispatcher],
})
export class NotificationsModule {}
