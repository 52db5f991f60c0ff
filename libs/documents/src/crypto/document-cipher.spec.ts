import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { DocumentCipher } from './document-cipher.js';

const masterKey = () => ({ id: randomBytes(8).toString('hex'), key: randomBytes(32) });

async function encrypt(cipher: DocumentCipher, plaintext: Buffer) {
  const encryption = cipher.encrypt();
  const chunks: Buffer[] = [];
  encryption.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await pipeline(Readable.from([plaintext]), encryption.stream);
  return { ciphertext: Buffer.concat(chunks), sealed: encryption.seal() };
}

describe('DocumentCipher', () => {
  const plaintext = Buffer.from('Sterbeurkunde — Anna Keller, geboren 1941');

  it('round-trips, and the ciphertext does not contain the plaintext', async () => {
    const cipher = new DocumentCipher(masterKey());
    const { ciphertext, sealed } = await encrypt(cipher, plaintext);
    expect(ciphertext.includes(plaintext.subarray(0, 12))).toBe(false);
    expect(await buffer(Readable.from([ciphertext]).pipe(cipher.decrypt(sealed)))).toEqual(plaintext);
  });

  it('uses a fresh data key and IV for every document', async () => {
    const cipher = new DocumentCipher(masterKey());
    const a = await encrypt(cipher, plaintext);
    const b = await encrypt(cipher, plaintext);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.sealed.wrappedKey.equals(b.sealed.wrappedKey)).toBe(false);
  });

  it('refuses altered ciphertext', async () => {
    const cipher = new DocumentCipher(masterKey());
    const { ciphertext, sealed } = await encrypt(cipher, plaintext);
    ciphertext[3] ^= 0xff;
    await expect(buffer(Readable.from([ciphertext]).pipe(cipher.decrypt(sealed)))).rejects.toThrow();
  });

  it('cannot be opened with another master key', async () => {
    const { ciphertext, sealed } = await encrypt(new DocumentCipher(masterKey()), plaintext);
    const other = masterKey();
    expect(() => new DocumentCipher(other).decrypt(sealed)).toThrow(/master key/);
    expect(() => new DocumentCipher({ ...other, id: sealed.keyId }).decrypt(sealed)).toThrow();
    expect(ciphertext.length).toBe(plaintext.length);
  });
});
