import { deflateSync } from 'node:zlib';

/** Real, minimal files whose bytes identify their type, for upload tests. */

/** A real one-page PDF that says `text` (a PDF viewer can draw it), padded with spaces to `padTo` bytes. */
export function pdf(text = 'Sterbeurkunde', padTo = 0): Buffer {
  const shown = text.replace(/[\\()]/g, (character) => `\\${character}`);
  const content = `BT /F1 28 Tf 72 740 Td (${shown}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${String(index + 1)} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer << /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  const buffer = Buffer.from(body, 'latin1');
  return padTo > buffer.length ? Buffer.concat([buffer, Buffer.alloc(padTo - buffer.length, 0x20)]) : buffer;
}

export function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(0, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.alloc(64, 0),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A Windows executable header: what a renamed `invoice.exe` looks like. */
export function windowsExecutable(): Buffer {
  const buffer = Buffer.alloc(512, 0);
  buffer.write('MZ', 0, 'latin1');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'latin1');
  return buffer;
}

export function validRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestType: 'RELEASE_DATA',
    subject: {
      status: 'DECEASED',
      fullName: 'Anna Keller',
      accountEmail: 'anna.keller@outlook.com',
      countryOfResidence: 'DE',
      dateOfDeath: '2026-05-01',
    },
    requester: {
      fullName: 'Jonas Keller',
      email: 'jonas@example.org',
      relationship: 'CHILD',
      countryOfResidence: 'DE',
      language: 'de',
    },
    ...overrides,
  };
}
