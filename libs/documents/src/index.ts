export { type DocumentFields, DocumentsService } from './documents.service.js';
export { DocumentEntity } from './document.entity.js';
export { DocumentsModule } from './documents.module.js';
export { OrphanSweepService, type SweepResult } from './orphan-sweep.service.js';
export { DocumentStore } from './storage/document-store.js';
export { ALLOWED_MEDIA_TYPES } from './upload/allowed-media-types.js';
export { DocumentUploadInterceptor, StagedFile } from './upload/document-upload.interceptor.js';
export { judgeFileName } from './upload/file-name.js';
export type { StagedUpload } from './upload/staged-upload.js';
