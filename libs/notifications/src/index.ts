export { NotificationsModule } from './notifications.module.js';
export { type OutboxEvent, OUTBOX_EVENT_TYPES, type OutboxEventType, OutboxService } from './outbox.service.js';
