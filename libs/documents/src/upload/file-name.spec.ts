import { judgeFileName } from './file-name.js';

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
