import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ClamdScanner, parseClamdReply } from './clamd-scanner.js';

describe("clamd's INSTREAM reply", () => {
  it.each([
    ['stream: OK\0', { clean: true }],
    ['stream: Eicar-Test-Signature.UNOFFICIAL FOUND\0', { clean: false, finding: 'Eicar-Test-Signature.UNOFFICIAL' }],
    ['stream: Win.Test.EICAR_HDB-1 FOUND', { clean: false, finding: 'Win.Test.EICAR_HDB-1' }],
  ] as const)('%j', (reply, verdict) => {
    expect(parseClamdReply(reply)).toEqual(verdict);
  });

  it.each(['INSTREAM size limit exceeded. ERROR\0', '', 'stream: lstat() failed ERROR'])(
    'no verdict from %j is an error, never "clean"',
    (reply) => {
      expect(() => parseClamdReply(reply)).toThrow(/could not scan/);
    },
  );
});

/** A scripted peer on a Unix socket, standing in for clamd where the real one cannot misbehave on cue. */
async function peer(behave: (socket: Socket) => void): Promise<{ path: string; close: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'nok-clamd-peer-'));
  const path = join(folder, 'clamd.sock');
  const sockets = new Set<Socket>();
  // As clamd: our end of the stream is not the end of its answer.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    path,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

const large = () => Readable.from(Array.from({ length: 40 }, () => Buffer.alloc(512 * 1024, 7))); // 20 MiB

describe('ClamdScanner against a peer', () => {
  it('reads the verdict once the stream is sent', async () => {
    const clamd = await peer((socket) => {
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        // The stream ends with a zero-length frame.
        if (Buffer.concat(received).subarray(-4).readUInt32BE() === 0) socket.end('stream: OK\0');
      });
    });
    try {
      await expect(new ClamdScanner(clamd.path, 5_000).scan(Readable.from([Buffer.from('hello')]))).resolves.toEqual({
        clean: true,
      });
    } finally {
      await clamd.close();
    }
  });

  it('fails, and does not hang, when clamd drops the connection in the middle of a large stream', async () => {
    const clamd = await peer((socket) => {
      socket.once('data', () => socket.destroy());
    });
    const content = large();
    try {
      await expect(new ClamdScanner(clamd.path, 5_000).scan(content)).rejects.toThrow();
      expect(content.destroyed).toBe(true);
    } finally {
      await clamd.close();
    }
  });

  it('fails after its timeout when clamd takes the stream and never answers', async () => {
    const clamd = await peer((socket) => socket.resume());
    try {
      await expect(new ClamdScanner(clamd.path, 300).scan(Readable.from([Buffer.from('hello')]))).rejects.toThrow(
        /did not answer within 300 ms/,
      );
    } finally {
      await clamd.close();
    }
  });

  it('fails with the content error when the document cannot be read', async () => {
    const clamd = await peer((socket) => socket.resume());
    const broken = new Readable({
      read() {
        this.destroy(new Error('unsupported state or unable to authenticate data'));
      },
    });
    try {
      await expect(new ClamdScanner(clamd.path, 5_000).scan(broken)).rejects.toThrow(/unable to authenticate/);
    } finally {
      await clamd.close();
    }
  });

  it('fails when nothing listens on the socket', async () => {
    await expect(
      new ClamdScanner(join(tmpdir(), 'nok-no-clamd-here.sock'), 1_000).scan(Readable.from([])),
    ).rejects.toThrow(/ENOENT|ECONNREFUSED/);
  });
});
