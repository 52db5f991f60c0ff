import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { DomainException } from '@app/common';
import { ALLOWED_MEDIA_TYPES } from './allowed-media-types.js';

/** file-type's own sample size: enough for every signature it knows. */
const DETECTION_BYTES = 4100;

/**
 * Holds back the first bytes of a stream, judges the file type from them, and lets the stream
 * through only if the type is allowed. The declared type and the file name play no part.
 */
export class MediaTypeSniffer extends Transform {
  mediaType: string | undefined;
  private head: Buffer[] = [];
  private headLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.mediaType !== undefined) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < DETECTION_BYTES) {
      callback();
      return;
    }
    this.judge(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.mediaType !== undefined) {
      callback();
      return;
    }
    if (this.headLength === 0) {
      callback(new DomainException('FILE_EMPTY', 'The file has no content. Choose the file again and re-send it.'));
      return;
    }
    this.judge(callback);
  }

  private judge(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    fileTypeFromBuffer(head).then(
      (detected) => {
        if (!detected || !ALLOWED_MEDIA_TYPES.has(detected.mime)) {
          callback(
            new DomainException(
              'FILE_TYPE_NOT_ALLOWED',
              (detected
                ? `This file's content is ${detected.ext.toUpperCase()}, which we do not accept.`
                : 'We cannot tell what kind of file this is.') +
                ' Send a PDF, JPEG, PNG, TIFF or HEIC scan or photo of the document.',
            ),
          );
          return;
        }
        this.mediaType = detected.mime;
        callback(null, head);
      },
      (error: unknown) => callback(error as Error),
    );
  }
}
