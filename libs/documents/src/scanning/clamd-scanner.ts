import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { MalwareScanner, type ScanVerdict } from './malware-scanner.js';

/** clamd's answer to INSTREAM: `stream: OK`, `stream: <name> FOUND`, or `… ERROR`. */
export function parseClamdReply(reply: string): ScanVerdict {
  const text = reply.replace(/\0/g, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, finding: found[1] };
  throw new Error(`clamd could not scan the stream: ${text || 'no answer'}`);
}

/**
 * ClamAV's daemon over its Unix socket, with the INSTREAM command: the content goes in chunks of
 * 4-byte big-endian length plus bytes, then a zero length; clamd answers one line. Written here
 * because the protocol is four frames, and the npm clients add fallbacks to local binaries and a
 * start-up ping this product must not depend on.
 */
export class ClamdScanner extends MalwareScanner {
  constructor(
    private readonly socketPath: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async scan(content: Readable): Promise<ScanVerdict> {
    const socket = await this.open();
    const reply = readReply(socket);
    reply.catch(() => undefined); // awaited below; a connection dropped before then must not go unhandled
    try {
      socket.write('zINSTREAM\0');
      for await (const chunk of content) {
        const bytes = chunk as Buffer;
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        if (!socket.write(Buffer.concat([length, bytes]))) await drained(socket);
      }
      socket.end(Buffer.alloc(4));
      return parseClamdReply(await reply);
    } finally {
      socket.destroy();
    }
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.socketPath);
      socket.setTimeout(this.timeoutMs, () =>
        socket.destroy(new Error(`clamd did not answer within ${this.timeoutMs} ms`)),
      );
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
    });
  }
}

/** Waits until the socket takes more; fails if clamd closes it meanwhile (no 'drain' would come). */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const closed = (): void => reject(new Error('clamd closed the connection during the scan'));
    if (socket.destroyed) return closed();
    socket.once('close', closed);
    socket.once('drain', () => {
      socket.off('close', closed);
      resolve();
    });
  });
}

function readReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
