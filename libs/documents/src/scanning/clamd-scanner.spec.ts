import { parseClamdReply } from './clamd-scanner.js';

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
