import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AppConfig, DomainException } from '@app/common';
import {
  DocumentStore,
  EncryptingUploadStorage,
  judgeFileName,
  type StagedUpload,
  StorageFailure,
  uploadsSettled,
} from '@app/documents';

type UploadRequest = Request & { file?: Express.Multer.File & { staged?: StagedUpload } };

/**
 * Receives the `file` part of a multipart upload into staging and hands the handler a StagedUpload.
 * Whatever the handler does, the staging file is gone afterwards: committed (moved) or discarded.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly receive: RequestHandler;

  constructor(
    storage: EncryptingUploadStorage,
    private readonly store: DocumentStore,
    private readonly config: AppConfig,
  ) {
    this.receive = multer({
      storage,
      defParamCharset: 'utf8',
      limits: { fileSize: config.MAX_FILE_SIZE_BYTES, files: 1, fields: 8, fieldSize: 1024, parts: 10 },
      fileFilter: (_req, file, accept) => {
        const verdict = judgeFileName(file.originalname);
        if (verdict.ok) accept(null, true);
        else accept(DomainException.invalid([{ field: 'file', message: verdict.reason }]));
      },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!request.is('multipart/form-data')) {
      throw new DomainException(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the document as multipart/form-data with the file in a part named "file".',
      );
    }
    await new Promise<void>((resolve, reject) => {
      this.receive(request, response, (error: unknown) => {
        if (!error) {
          resolve();
          return;
        }
        void uploadsSettled(request).then(() => reject(this.explain(error)));
      });
    });
    const staged = request.file?.staged;
    if (!staged) {
      throw new DomainException('FILE_MISSING', 'The form has no file. Attach the document in a part named "file".');
    }
    // On success the handler has moved the staged file to its final place; on failure it goes.
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.store.discardStaging(staged.stagingId).catch(() => undefined)).pipe(
            mergeMap(() => throwError(() => error)),
          ),
        ),
      );
  }

  private explain(error: unknown): Error {
    if (error instanceof DomainException || error instanceof StorageFailure) return error;
    if (error instanceof MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') {
        const mib = Math.floor(this.config.MAX_FILE_SIZE_BYTES / 1024 / 1024);
        return new DomainException(
          'FILE_TOO_LARGE',
          `The file is larger than the ${mib} MiB allowed. Scan it at a lower resolution or split it into parts.`,
        );
      }
      if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
        return new DomainException('MULTIPART_INVALID', 'Send exactly one file per upload, in a part named "file".');
      }
      return new DomainException('MULTIPART_INVALID', `The upload form was refused (${error.message}).`);
    }
    // Anything else came from parsing the body (busboy): a truncated or malformed form.
    const reason = error instanceof Error ? error.message : 'unreadable form';
    return new DomainException('MULTIPART_INVALID', `The upload form could not be read (${reason}).`);
  }
}

/** The upload received by DocumentUploadInterceptor. */
export const StagedFile = createParamDecorator((_data: unknown, context: ExecutionContext): StagedUpload => {
  const staged = context.switchToHttp().getRequest<UploadRequest>().file?.staged;
  if (!staged) throw new Error('StagedFile used without DocumentUploadInterceptor');
  return staged;
});
