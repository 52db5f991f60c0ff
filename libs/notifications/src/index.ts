export { NotificationsModule } from './notifications.module.js';
export { CaseDirectory, type CaseMailFacts, type CaseStamp } from './case-directory.port.js';
export { type OutboxEvent, OUTBOX_EVENT_TYPES, type OutboxEventType, OutboxService } from './outbox.service.js';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhooks/signature.js';
export {
  type DispatchFigures,
  WEBHOOK_DISPATCH_JOB,
  WebhookDispatcher,
} from './webhooks/webhook-dispatcher.service.js';
export { afterFailure, retryDelaySeconds } from './outbox-worker.js';
export { isPublic, targetProblem } from './webhooks/webhook-target.js';
export {
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveriesQueryDto,
  DELIVERY_STATUSES,
  DeliveryView,
  WebhookView,
} from './webhooks/webhook.views.js';
export { WebhooksService } from './webhooks/webhooks.service.js';
export { confirmationCode, confirmationCodeMatches } from './mail/confirmation-code.js';
export {
  composeMail,
  MAIL_KINDS,
  MAIL_LANGUAGES,
  type MailKind,
  type MailLanguage,
  mailLanguage,
} from './mail/mail-composer.js';
export { MAIL_DISPATCH_JOB, MailDispatcher, type MailFigures } from './mail/mail-dispatcher.service.js';
