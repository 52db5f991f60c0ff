export { JobQueue } from './job-queue.service.js';
export { JobsModule } from './jobs.module.js';
