import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through while computing their SHA-256 and counting them. */
export class DigestMeter extends Transform {
  size = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest: string | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    callback();
  }

  get sha256(): string {
    if (this.digest === undefined) throw new Error('The stream has not ended');
    return this.digest;
  }
}
