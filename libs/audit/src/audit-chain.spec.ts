import {
  type AuditEntry,
  type AuditRecord,
  AuditRecordRejected,
  chainEntry,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain.js';

function record(n: number): AuditRecord {
  return {
    at: new Date(Date.UTC(2026, 10, 23, 10, 0, n)).toISOString(),
    actorType: 'user',
    actorId: `user-${n % 3}`,
    action: n % 2 ? 'case.state_changed' : 'document.read',
    caseId: '6c1f2a8e-0000-4000-8000-00000000000a',
    details: { from: 'READY_FOR_REVIEW', to: 'IN_REVIEW', version: n },
  };
}

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(chainEntry(entries.at(-1) ?? null, record(n)));
  return entries;
}

describe('the audit chain', () => {
  it('links every entry to the one before, from a zero genesis', () => {
    const entries = chain(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[2].hash).toBe(entryHash(entries[2]));
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 3, head: { seq: 3, hash: entries[2].hash } });
  });

  it('hashes independently of key order', () => {
    const [entry] = chain(1);
    const shuffled = {
      hash: entry.hash,
      prevHash: entry.prevHash,
      details: { version: 1, to: 'IN_REVIEW', from: 'READY_FOR_REVIEW' },
      caseId: entry.caseId,
      action: entry.action,
      actorId: entry.actorId,
      actorType: entry.actorType,
      at: entry.at,
      seq: entry.seq,
    };
    expect(entryHash(shuffled)).toBe(entry.hash);
  });

  it('detects an updated entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { ...entries[2].details, to: 'APPROVED' } };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 3, problem: 'ALTERED' });
  });

  it('detects an updated entry whose hash was recomputed, at the next link', () => {
    const entries = chain(5);
    const forged = { ...entries[2], actorId: 'user-9' };
    entries[2] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 4, problem: 'BROKEN_LINK' });
  });

  it('detects a deleted entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 2, problem: 'MISSING_ENTRY' });
  });

  it('detects reordered entries', () => {
    const entries = chain(5);
    [entries[1], entries[2]] = [entries[2], entries[1]];
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 2, problem: 'MISSING_ENTRY' });
    const renumbered = chain(5);
    const swapped = [
      renumbered[0],
      { ...renumbered[2], seq: 2 },
      { ...renumbered[1], seq: 3 },
      renumbered[3],
      renumbered[4],
    ];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: 2, problem: 'ALTERED' });
  });

  it('detects truncation against a checkpoint', () => {
    const entries = chain(6);
    const checkpoint = { seq: 6, hash: entries[5].hash };
    expect(verifyChain(entries, checkpoint)).toMatchObject({ ok: true });
    expect(verifyChain(entries.slice(0, 4), checkpoint)).toMatchObject({
      ok: false,
      brokenAt: 5,
      problem: 'TRUNCATED',
    });
    expect(verifyChain([], checkpoint)).toMatchObject({ ok: false, brokenAt: 1, problem: 'TRUNCATED' });
  });

  it('detects a chain rewritten wholesale against a checkpoint', () => {
    const original = chain(4);
    const checkpoint = { seq: 4, hash: original[3].hash };
    const rewritten: AuditEntry[] = [];
    for (let n = 1; n <= 4; n++)
      rewritten.push(chainEntry(rewritten.at(-1) ?? null, { ...record(n), actorId: 'intruder' }));
    expect(verifyChain(rewritten)).toMatchObject({ ok: true });
    expect(verifyChain(rewritten, checkpoint)).toMatchObject({ ok: false, brokenAt: 4, problem: 'ALTERED' });
  });

  it.each([
    ['a name in details', { details: { requester: 'Jonas Keller' } }],
    ['free text in details', { details: { note: 'call me on +49 30 1234' } }],
    ['an e-mail address', { details: { requester: 'jonas@example.org' } }],
    ['a sentence as action', { action: 'the reviewer approved' }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => chainEntry(null, { ...record(1), ...overrides })).toThrow(AuditRecordRejected);
  });
});
