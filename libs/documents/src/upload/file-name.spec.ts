import { judgeFileName, nameForMediaType } from './file-name.js';

describe('judgeFileName', () => {
  it.each([
    ['Sterbeurkunde_Müller.pdf', 'Sterbeurkunde_Müller.pdf'],
    ['死亡证明.pdf', '死亡证明.pdf'],
    ['  akte 2026.pdf  ', 'akte 2026.pdf'],
    ['Mu\u0308ller.pdf', 'Müller.pdf'], // decomposed umlaut, normalised to NFC
    ['', 'document'],
    [undefined, 'document'],
  ])('keeps %j as %j', (raw, expected) => {
    expect(judgeFileName(raw)).toEqual({ ok: true, name: expected });
  });

  it.each([
    ['../../etc/passwd'],
    ['..\\windows\\system32'],
    ['..'],
    ['scan\u202Efdp.exe'], // right-to-left override
    ['scan\u2066.pdf'], // left-to-right isolate
    ['scan\u200F.pdf'], // right-to-left mark
    ['line\nbreak.pdf'],
    ['nul\u0000.pdf'],
    ['bell\u0007.pdf'],
  ])('refuses %j', (raw) => {
    expect(judgeFileName(raw)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('shortens very long names but keeps the extension', () => {
    const verdict = judgeFileName(`${'a'.repeat(500)}.pdf`);
    expect(verdict.ok && verdict.name.length).toBe(200);
    expect(verdict.ok && verdict.name.endsWith('.pdf')).toBe(true);
  });
});

describe('nameForMediaType', () => {
  it.each([
    ['invoice.html', 'application/pdf', 'invoice.pdf'],
    ['invoice.pdf', 'application/pdf', 'invoice.pdf'],
    ['Invoice.PDF', 'application/pdf', 'Invoice.PDF'],
    ['scan', 'image/png', 'scan.png'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.JPG', 'image/jpeg', 'photo.JPG'],
    ['photo.png', 'image/jpeg', 'photo.jpg'],
    ['akte.tiff', 'image/tiff', 'akte.tiff'],
    ['IMG_0001.HEIC', 'image/heic', 'IMG_0001.HEIC'],
    ['IMG_0002.HEIC', 'image/heif', 'IMG_0002.HEIC'],
    ['report.pdf.exe', 'application/pdf', 'report.pdf.pdf'],
    ['.htaccess', 'application/pdf', '.htaccess.pdf'],
    ['akte 2026.v2', 'application/pdf', 'akte 2026.pdf'],
    ['Sterbeurkunde_Müller.svg', 'image/png', 'Sterbeurkunde_Müller.png'],
    ['document', 'application/pdf', 'document.pdf'],
    ['file.pdf', 'application/octet-stream', 'file.pdf'],
  ])('names %j judged %s as %j', (name, mediaType, expected) => {
    expect(nameForMediaType(name, mediaType)).toBe(expected);
  });

  it('keeps a long name within the limit, with the new extension', () => {
    const named = nameForMediaType(`${'a'.repeat(199)}.html`, 'application/pdf');
    expect(named.length).toBeLessThanOrEqual(200);
    expect(named.endsWith('.pdf')).toBe(true);
  });
});
