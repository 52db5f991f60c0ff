import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sqlTouches } from './sql-touches.js';
import { KEPT_TRIGGERS, TABLE_OWNERS } from './table-owners.js';

/**
 * Issue #13: one writer of case state, one owner per table. Reads every source file of the server
 * (not migrations, not tests) and checks its SQL against TABLE_OWNERS.
 */
const ROOT = join(import.meta.dirname, '../../../..');
const MIGRATIONS = join(ROOT, 'libs/database/src/migrations');
const WRITER = 'libs/cases/src/state-machine/case-transitions.service.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const migrations = readdirSync(MIGRATIONS)
  .filter((name) => /^\d+-.+\.ts$/.test(name))
  .sort()
  .map((name) => readFileSync(join(MIGRATIONS, name), 'utf8').split('async down')[0]);
const created = new Set(migrations.flatMap((text) => [...text.matchAll(/CREATE TABLE ([a-z_]+)/g)].map((m) => m[1])));
const tables = new Set(Object.keys(TABLE_OWNERS));
const files = [...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, 'apps/server/src'))].map((path) => ({
  path: relative(ROOT, path),
  touches: sqlTouches(readFileSync(path, 'utf8'), tables),
}));

describe('one owner per table', () => {
  it('every table the migrations create has an owner, and every owner a table', () => {
    expect([...tables].sort()).toEqual([...created].sort());
  });

  it.each(Object.entries(TABLE_OWNERS))('%s: SQL only in %o', (table, { owner, readers = [] }) => {
    const writers = files.filter((f) => f.touches.some((t) => t.table === table && t.writes)).map((f) => f.path);
    const readersFound = files.filter((f) => f.touches.some((t) => t.table === table)).map((f) => f.path);
    expect(writers.filter((path) => path !== owner)).toEqual([]);
    expect(readersFound.filter((path) => path !== owner && !readers.includes(path))).toEqual([]);
    expect(readersFound).toContain(owner); // the map names the file that really holds the SQL
  });
});

describe('one writer of case state', () => {
  it('only CasesRepository sets cases.state, and only CaseTransitions calls it', () => {
    const setters = files.filter((f) => f.touches.some((t) => t.setsCaseState)).map((f) => f.path);
    expect(setters).toEqual([TABLE_OWNERS.cases.owner]);
    const callers = files
      .filter((f) => f.path !== TABLE_OWNERS.cases.owner)
      .filter((f) => readFileSync(join(ROOT, f.path), 'utf8').includes('.writeTransition('))
      .map((f) => f.path);
    expect(callers).toEqual([WRITER]);
  });

  it('the detector sees a bypass (so the test above can fail)', () => {
    const cases = new Set(['cases']);
    expect(sqlTouches("await m.query('UPDATE cases SET state = $2 WHERE id = $1')", cases)).toMatchObject([
      { table: 'cases', writes: true, setsCaseState: true },
    ]);
    expect(sqlTouches('`UPDATE cases c SET version = 2, state=$1 FROM x`', cases)[0].setsCaseState).toBe(true);
    expect(sqlTouches('await manager.update(CaseEntity, { id }, { state })', cases)[0].setsCaseState).toBe(true);
    // A state in the WHERE clause is a condition, not a write of it.
    expect(sqlTouches('`UPDATE cases SET document_count = 1 WHERE state = ANY($1)`', cases)[0].setsCaseState).toBe(
      false,
    );
    expect(sqlTouches("import { x } from 'cases'; const y = 'SELECT 1 FROM unnest($1)';", cases)).toEqual([]);
  });
});

describe('business rules are code, not triggers', () => {
  it(`the schema keeps only the audit trail's guards: ${KEPT_TRIGGERS.join(', ')}`, () => {
    const kept = new Set<string>();
    for (const text of migrations) {
      for (const [, name] of text.matchAll(/CREATE TRIGGER ([a-z_]+)/g)) kept.add(name);
      for (const [, name] of text.matchAll(/DROP TRIGGER ([a-z_]+)/g)) kept.delete(name);
    }
    expect([...kept].sort()).toEqual([...KEPT_TRIGGERS].sort());
  });
});
