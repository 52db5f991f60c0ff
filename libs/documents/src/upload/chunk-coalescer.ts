import { Transform, type TransformCallback } from 'node:stream';

/**
 * Gathers the many small chunks a socket delivers into larger ones before they reach the
 * sniffer, hash, cipher and disk. Each stage costs per chunk; fewer, larger chunks cost less.
 */
export class ChunkCoalescer extends Transform {
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(private readonly target = 256 * 1024) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= this.target) this.release();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.pendingLength > 0) this.release();
    callback();
  }

  private release(): void {
    this.push(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength));
    this.pending = [];
    this.pendingLength = 0;
  }
}
