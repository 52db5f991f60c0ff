import { deflateSync } from 'node:zlib';
import { findPdfActiveContent } from './pdf-active-content.js';

const pdfWith = (...objects: string[]) =>
  Buffer.from(
    `%PDF-1.7\n${objects.map((object, index) => `${String(index + 1)} 0 obj\n${object}\nendobj\n`).join('')}%%EOF\n`,
    'latin1',
  );
const compressed = (dictionaries: string) => {
  const packed = deflateSync(Buffer.from(dictionaries, 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length ${String(packed.length)} >>\nstream\n`,
    ),
    packed,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
};

describe('findPdfActiveContent', () => {
  it.each([
    ['a plain page', pdfWith('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'), []],
    ['text that merely says JavaScript', pdfWith('<< /Length 20 >>\nstream\n(JavaScript Launch)\nendstream'), []],
    ['document JavaScript', pdfWith('<< /S /JavaScript /JS (app.alert(1)) >>'), ['javascript']],
    [
      'an open action running JavaScript',
      pdfWith('<< /Type /Catalog /OpenAction 2 0 R >>', '<< /S /JavaScript /JS (x) >>'),
      ['automatic-action', 'javascript'],
    ],
    ['a launch action', pdfWith('<< /S /Launch /F (cmd.exe) >>'), ['launch']],
    ['a page action', pdfWith('<< /Type /Page /AA << /O 3 0 R >> >>'), ['automatic-action']],
    ['an escaped name', pdfWith('<< /S /J#61vaScript /J#53 (x) >>'), ['javascript']],
    ['an embedded file', pdfWith('<< /Type /EmbeddedFile /Length 0 >>'), ['embedded-file']],
    ['an XFA form', pdfWith('<< /AcroForm << /XFA 5 0 R >> >>'), ['xfa']],
    [
      'names hidden in a compressed object stream',
      compressed('<< /S /Launch >> << /S /JavaScript /JS (x) >>'),
      ['javascript', 'launch'],
    ],
  ])('%s', (_label, bytes, expected) => {
    expect(findPdfActiveContent(bytes)).toEqual(expected);
  });

  it('is not fooled by a longer name that starts like an active one', () => {
    expect(findPdfActiveContent(pdfWith('<< /JSON 1 /Launcher 2 /AAA 3 >>'))).toEqual([]);
  });
});
