import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { MediaTypeSniffer } from './media-type-sniffer.js';

const signatures: [string, Buffer, string | null][] = [
  ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'application/pdf'],
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'image/jpeg'],
  [
    'PNG',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'image/png',
  ],
  [
    'TIFF (little-endian)',
    Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0]), Buffer.alloc(64)]),
    'image/tiff',
  ],
  [
    'TIFF (big-endian)',
    Buffer.concat([Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 0x08]), Buffer.alloc(64)]),
    'image/tiff',
  ],
  [
    'HEIC',
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(32)]),
    'image/heic',
  ],
  ['Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]), null],
  ['ZIP (e.g. a .docx)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), null],
  ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), null],
  ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>'), null],
  ['plain text', Buffer.from('just words'), null],
];

describe('MediaTypeSniffer', () => {
  it.each(signatures)('%s', async (_label, bytes, expected) => {
    const sniffer = new MediaTypeSniffer();
    const result = buffer(Readable.from([bytes]).pipe(sniffer));
    if (expected) {
      expect(await result).toEqual(bytes);
      expect(sniffer.mediaType).toBe(expected);
    } else {
      await expect(result).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    }
  });

  it('refuses an empty stream as empty, not as a wrong type', async () => {
    await expect(buffer(Readable.from([]).pipe(new MediaTypeSniffer()))).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });

  it('passes a large file through unchanged, in many chunks', async () => {
    const head = Buffer.from('%PDF-1.4\n');
    const chunks = [head, ...Array.from({ length: 300 }, (_, i) => Buffer.alloc(1000, i % 251))];
    const sniffer = new MediaTypeSniffer();
    const out = await buffer(Readable.from(chunks).pipe(sniffer));
    expect(out.equals(Buffer.concat(chunks))).toBe(true);
    expect(sniffer.mediaType).toBe('application/pdf');
  });
});
