import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { DocumentStore, OrphanSweepService } from '@app/documents';
import { pdf } from '../support/fixtures.js';
import { type Family, family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let requester: Family;
beforeAll(async () => {
  t = await createTestApp({ ORPHAN_MAX_AGE_MINUTES: 60 });
  requester = await family(t);
});
afterAll(() => t.close());
afterEach(() => jest.restoreAllMocks());

const upload = () => requester.upload('DEATH_CERTIFICATE', pdf(), 'akte.pdf');

describe('the file and its row commit together', () => {
  it('leaves neither behind when storing fails after the file reached its place', async () => {
    const store = t.app.get(DocumentStore);
    const promote = store.promote.bind(store);
    let storedKey: string | undefined;
    // The file reaches its final place, then the store reports a failure: no row was attempted.
    jest.spyOn(store, 'promote').mockImplementation(async (stagingId, key) => {
      await promote(stagingId, key);
      storedKey = key;
      expect(await store.exists(key)).toBe(true);
      throw new Error('disk failed after the rename');
    });

    const response = await upload();

    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'INTERNAL', correlationId: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toContain('rename');
    expect(storedKey).toBeDefined();
    expect(await store.exists(storedKey!)).toBe(false);
    expect(await t.rowCount('documents')).toBe(0);
    expect(await t.storedFiles()).toEqual([]);
  });

  it('leaves neither behind when the database refuses the row', async () => {
    await t.dataSource.query(`ALTER TABLE documents ADD CONSTRAINT documents_test_refuse CHECK (false) NOT VALID`);
    try {
      const response = await upload();
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query(`ALTER TABLE documents DROP CONSTRAINT documents_test_refuse`);
    }
    expect(await t.rowCount('documents')).toBe(0);
    expect(await t.storedFiles()).toEqual([]);
  });

  it('stores both once nothing fails', async () => {
    await upload().expect(201);
    expect(await t.rowCount('documents')).toBe(1);
    expect((await t.storedFiles()).filter((file) => file.startsWith('objects/'))).toHaveLength(1);
  });
});

describe('the orphan sweep', () => {
  it('removes old unreferenced files and keeps young ones and committed ones', async () => {
    const hoursAgo = (hours: number): Date => new Date(Date.now() - hours * 3_600_000);
    const plant = async (path: string, modified: Date): Promise<void> => {
      await mkdir(join(t.uploadDir, path, '..'), { recursive: true });
      await writeFile(join(t.uploadDir, path), 'ciphertext');
      await utimes(join(t.uploadDir, path), modified, modified);
    };
    const oldOrphan = '0a1b2c3d-0000-4000-8000-000000000001';
    const youngOrphan = '0a1b2c3d-0000-4000-8000-000000000002';
    const oldStaging = '0a1b2c3d-0000-4000-8000-000000000003';
    const youngStaging = '0a1b2c3d-0000-4000-8000-000000000004';
    await plant(`objects/0a/${oldOrphan}`, hoursAgo(2));
    await plant(`objects/0a/${youngOrphan}`, hoursAgo(0.5));
    await plant(`staging/${oldStaging}`, hoursAgo(2));
    await plant(`staging/${youngStaging}`, hoursAgo(0.1));
    // The committed document from the previous test, made old: it must survive.
    const [committed] = await t.dataSource.query<[{ storage_key: string }]>('SELECT storage_key FROM documents');
    const committedPath = join(t.uploadDir, 'objects', committed.storage_key.slice(0, 2), committed.storage_key);
    await utimes(committedPath, hoursAgo(48), hoursAgo(48));

    const result = await t.app.get(OrphanSweepService).sweep();

    expect(result).toEqual({ stagingRemoved: 1, objectsRemoved: 1 });
    const files = await t.storedFiles();
    expect(files).toContain(`objects/0a/${youngOrphan}`);
    expect(files).toContain(`staging/${youngStaging}`);
    expect(files).toContain(`objects/${committed.storage_key.slice(0, 2)}/${committed.storage_key}`);
    expect(files).not.toContain(`objects/0a/${oldOrphan}`);
    expect(files).not.toContain(`staging/${oldStaging}`);
  });
});

describe('a commit whose outcome is unknown', () => {
  const lost = () => new QueryFailedError('COMMIT', [], new Error('Connection terminated unexpectedly'));
  const hoursAgo = (hours: number): Date => new Date(Date.now() - hours * 3_600_000);
  type Work = (manager: EntityManager) => Promise<unknown>;
  /** Lets the upload's transaction commit, then reports the connection lost as COMMIT's answer. */
  const dropAnswerOfUploadTransaction = () => {
    const transaction = t.dataSource.transaction.bind(t.dataSource) as (work: Work) => Promise<unknown>;
    jest.spyOn(t.dataSource, 'transaction').mockImplementation((async (work: Work) => {
      const result = await transaction(work);
      if (typeof result === 'object' && result !== null && 'document' in result) throw lost();
      return result;
    }) as unknown as typeof t.dataSource.transaction);
  };
  const objectFiles = async () => (await t.storedFiles()).filter((file) => file.startsWith('objects/'));
  const ageAll = async () => {
    for (const file of await objectFiles()) await utimes(join(t.uploadDir, file), hoursAgo(2), hoursAgo(2));
  };
  const sweep = () => t.app.get(OrphanSweepService).sweep();
  beforeAll(async () => {
    await ageAll(); // the young orphan planted above goes: each test below counts from a clean store
    await sweep();
  });

  it('keeps the file when the connection drops after COMMIT reached the database, and the sweep keeps it too', async () => {
    const before = await t.rowCount('documents');
    dropAnswerOfUploadTransaction();

    const response = await upload();

    expect(response.status).toBe(500);
    jest.restoreAllMocks();
    expect(await t.rowCount('documents')).toBe(before + 1); // it did commit
    const keys = await t.dataSource.query<{ storage_key: string }[]>('SELECT storage_key FROM documents');
    const files = await objectFiles();
    expect(files.map((file) => file.split('/').pop()).sort()).toEqual(keys.map((row) => row.storage_key).sort());
    await ageAll();
    expect(await sweep()).toEqual({ stagingRemoved: 0, objectsRemoved: 0 });
    expect(await objectFiles()).toEqual(files);
  });

  it('leaves the file to the sweep when the connection drops and nothing committed', async () => {
    const before = await objectFiles();
    const rows = await t.rowCount('documents');
    jest.spyOn(t.dataSource, 'transaction').mockRejectedValueOnce(lost());

    const response = await upload();

    expect(response.status).toBe(500);
    expect(await t.rowCount('documents')).toBe(rows);
    expect(await objectFiles()).toHaveLength(before.length + 1); // the outcome was unknown: kept
    await ageAll();
    expect(await sweep()).toEqual({ stagingRemoved: 0, objectsRemoved: 1 });
    expect(await objectFiles()).toEqual(before);
  });
});
