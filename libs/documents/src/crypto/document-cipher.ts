import {
  type CipherGCM,
  createCipheriv,
  createDecipheriv,
  createHmac,
  type DecipherGCM,
  randomBytes,
} from 'node:crypto';
import type { MasterKey } from './master-key.js';

/** What the database keeps to decrypt one document; the file itself holds only ciphertext. */
export interface SealedKey {
  keyId: string;
  /** The data key, encrypted with the master key: IV (12) ‖ tag (16) ‖ ciphertext (32). */
  wrappedKey: Buffer;
  contentIv: Buffer;
  contentTag: Buffer;
}

export interface Encryption {
  stream: CipherGCM;
  /** Call once the stream has ended. */
  seal(): SealedKey;
}

const ALGORITHM = 'aes-256-gcm';

/** Envelope encryption: AES-256-GCM with a fresh data key per document, wrapped by the master key. */
export class DocumentCipher {
  constructor(private readonly master: MasterKey) {}

  encrypt(): Encryption {
    const dataKey = randomBytes(32);
    const contentIv = randomBytes(12);
    const stream = createCipheriv(ALGORITHM, dataKey, contentIv);
    return {
      stream,
      seal: () => ({
        keyId: this.master.id,
        wrappedKey: this.wrap(dataKey),
        contentIv,
        contentTag: stream.getAuthTag(),
      }),
    };
  }

  /** A stream that turns the stored ciphertext back into the document; it errors if anything was altered. */
  decrypt(sealed: SealedKey): DecipherGCM {
    if (sealed.keyId !== this.master.id) {
      throw new Error(`Document was encrypted under master key ${sealed.keyId}, which is not loaded`);
    }
    const decipher = createDecipheriv(ALGORITHM, this.unwrap(sealed.wrappedKey), sealed.contentIv);
    decipher.setAuthTag(sealed.contentTag);
    return decipher;
  }

  /** A key for one purpose (such as signing e-mail confirmation codes), derived from the master key. */
  derive(purpose: string): Buffer {
    return createHmac('sha256', this.master.key).update(`next-of-kin:${purpose}`).digest();
  }

  /** A small secret kept for later use (a webhook signing secret), sealed like a data key. */
  sealSecret(secret: Buffer): Buffer {
    return this.wrap(secret);
  }

  openSecret(sealed: Buffer): Buffer {
    return this.unwrap(sealed);
  }

  private wrap(dataKey: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.master.key, iv);
    const encrypted = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
  }

  private unwrap(wrapped: Buffer): Buffer {
    const decipher = createDecipheriv(ALGORITHM, this.master.key, wrapped.subarray(0, 12));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
