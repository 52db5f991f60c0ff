import { ENTITY_TABLES } from './table-owners.js';

export interface SqlTouch {
  table: string;
  /** A write (INSERT, UPDATE, DELETE, or an entity manager call that changes rows). */
  writes: boolean;
  /** Sets a `state` column of `cases`. */
  setsCaseState: boolean;
}

const KEYWORD = /\b(FROM|JOIN|INTO|UPDATE|DELETE FROM|TRUNCATE)\s+([a-z_]+)\b/g;
const ENTITY_CALL =
  /\.(find\w*|count\w*|exist\w*|getRepository|insert|update|upsert|delete|save|remove|softDelete)\(\s*(\w+Entity)\b/g;
const WRITING_CALLS = new Set(['insert', 'update', 'upsert', 'delete', 'save', 'remove', 'softDelete']);

/**
 * The tables a source text touches, by its SQL keywords (our SQL is upper case; `from` in an import
 * is not) and by its entity-manager calls. Only names in `tables` count, so `FROM unnest(…)` is no hit.
 */
export function sqlTouches(source: string, tables: ReadonlySet<string>): SqlTouch[] {
  const touches: SqlTouch[] = [];
  for (const match of source.matchAll(KEYWORD)) {
    const [, keyword, table] = match;
    if (!tables.has(table)) continue;
    const writes = keyword !== 'FROM' && keyword !== 'JOIN';
    const setsCaseState = table === 'cases' && keyword === 'UPDATE' && setsState(statementAt(source, match.index));
    touches.push({ table, writes, setsCaseState });
  }
  for (const match of source.matchAll(ENTITY_CALL)) {
    const table = ENTITY_TABLES[match[2]];
    if (!table || !tables.has(table)) continue;
    const writes = WRITING_CALLS.has(match[1]);
    // Whatever an entity-manager write on a case changes, it could be the state: only the writer may.
    touches.push({ table, writes, setsCaseState: table === 'cases' && writes && match[1] !== 'insert' });
  }
  return touches;
}

/** The SQL statement starting at `index`: up to the end of its template or string literal. */
function statementAt(source: string, index: number): string {
  const ends = ['`', "'"].map((quote) => source.indexOf(quote, index)).filter((end) => end >= 0);
  return source.slice(index, ends.length > 0 ? Math.min(...ends) : undefined);
}

/** Whether an UPDATE's SET clause (not its WHERE) assigns `state`. */
function setsState(statement: string): boolean {
  const set = /\bSET\b([\s\S]*?)(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|$)/.exec(statement)?.[1] ?? '';
  return /(?:^|[\s,])state\s*=/.test(set);
}
