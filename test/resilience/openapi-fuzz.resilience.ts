import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sample } from 'openapi-sampler';
import request from 'supertest';
import { API_SCOPES } from '@app/identity';
import { pdf, png } from '../support/fixtures.js';
import { type People, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Fuzzing from the OpenAPI document (issue #8): every operation it lists gets FUZZ_RUNS generated
 * requests (valid samples of its schemas and mutations of them, with and without each kind of
 * credential), and must answer each with a status the document lists for it, never a 5xx.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** FUZZ_SEED replays the run a failure names; FUZZ_ONLY narrows to operations whose name contains it. */
const ONLY = process.env.FUZZ_ONLY;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Partial<Record<string, { schema: Schema }>> };
  responses: Record<string, unknown>;
}
type Schema = Parameters<typeof sample>[0];

let t: TestApp;
/** A reviewer, a legal user and an admin. */
let cast: People;
let spec: { paths: Record<string, Record<string, Operation>> };
const known: Record<string, string[]> = {};
const credentials: (string | undefined)[] = [undefined, 'garbage', 'nok_key_forged'];
/** Staff sessions, signed in afresh for each operation (the fuzzer also logs out). */
let sessions: string[] = [];
const figures = new Map<string, Map<number, number>>();

beforeAll(async () => {
  t = await createTestApp({
    LOGIN_ATTEMPTS_PER_15_MINUTES: 1_000_000,
    LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES: 1_000_000,
    PUBLIC_RATE_LIMIT_PER_MINUTE: 1_000_000,
  });
  spec = (await request(t.http).get('/api/docs-json').expect(200)).body as typeof spec;
  cast = await people(t);
  const key = await cast.apiKey([...API_SCOPES], { name: 'all' });
  credentials.push(key.key);
  const family = await cast.familyWithDocuments();
  const other = await cast.familyWithDocuments();
  credentials.push(family.accessToken, other.accessToken);
  const [document] = await t.dataSource.query<[{ id: string }]>('SELECT id FROM documents LIMIT 1');
  known.reference = [family.reference, other.reference, 'NOK-2026-999999'];
  known.id = [document.id, key.id, randomUUID()];
  known.accountEmail = ['anna.keller@outlook.com', 'nobody@outlook.com'];
  known.country = ['DE', 'NL', 'CN', 'US', 'de'];
});
afterAll(async () => {
  const lines = [...figures].map(
    ([operation, statuses]) =>
      `${operation}: ${[...statuses].map(([status, n]) => `${String(status)}×${String(n)}`).join(' ')}`,
  );
  console.log(`OpenAPI fuzz, ${String(RUNS)} requests per operation:\n${lines.join('\n')}`);
  await t.close();
});

const PRINTABLE = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));

/** Any JSON value, some strings shaped like the API's own (dates, e-mails, enums of its schemas). */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '2026-02-30', '2026-05-01', 'a@b.c', 'DE', 'NOK-2026-000001', '-1', '1e309', '\u0000'),
);

/** The valid sample with one change at a random place: a key dropped, a value replaced, a key added. */
function mutated(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || depth > 3) return anyJson;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item: unknown, index) => [String(index), item])
    : Object.entries(value);
  const rebuild = (changed: [string, unknown][]) =>
    Array.isArray(value) ? changed.map(([, item]) => item) : Object.fromEntries(changed);
  if (entries.length === 0) return fc.oneof(anyJson, fc.constant({ unknownField: 1 }));
  return fc.nat({ max: entries.length - 1 }).chain((index) =>
    fc.oneof(
      fc.constant(rebuild(entries.filter((_, i) => i !== index))),
      mutated(entries[index][1], depth + 1).map((replacement) =>
        rebuild(entries.map(([key, item], i) => [key, i === index ? replacement : item])),
      ),
      anyJson.map((extra) => rebuild([...entries, ['unknownField', extra]])),
    ),
  );
}

/** A path segment (never empty: an empty one addresses another route) or a query value. */
function valueFor(name: string, schema: Schema | undefined, inPath: boolean): fc.Arbitrary<string> {
  const enumValues = (schema?.enum as string[] | undefined) ?? [];
  // Mostly values the API knows, so that requests get past the first check often enough.
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(known[name] ?? ['x']), ...enumValues) },
    { weight: 1, arbitrary: fc.string({ minLength: inPath ? 1 : 0, maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('..%2F..', '%00', "' OR 1=1 --", '9'.repeat(30), '-1', '2026-13-01'),
    },
  );
}

function bodyFor(operation: Operation): fc.Arbitrary<{ kind: 'json' | 'raw' | 'multipart' | 'none'; value: unknown }> {
  const content = operation.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json) {
    const valid = sample(json.schema, { skipReadOnly: true }, spec);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'json' as const, value: valid }) },
      { weight: 5, arbitrary: mutated(valid).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const, value: undefined }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{', '{"a":', 'null', '[]', '"text"', '{"version": 1,}', 'x'.repeat(70_000))
          .map((value) => ({ kind: 'raw' as const, value })),
      },
    );
  }
  const multipart = content['multipart/form-data'];
  if (multipart) {
    const fields = sample(multipart.schema, {}, spec) as Record<string, unknown>;
    return fc
      .record({
        type: fc.oneof(
          fc.constant(typeof fields.type === 'string' ? fields.type : 'DEATH_CERTIFICATE'),
          fc.string({ maxLength: 20 }),
        ),
        servedVia: fc.option(fc.constantFrom('POST', 'FAX', 'EMAIL', 'pigeon'), { nil: undefined }),
        file: fc.option(
          fc.oneof(
            fc.constant(pdf('fuzz')),
            fc.constant(png()),
            fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
          ),
          { nil: undefined },
        ),
        fileName: fc.oneof(fc.constant('scan.pdf'), fc.string({ minLength: 1, maxLength: 60 })),
        extra: fc.option(fc.constant('unknown'), { nil: undefined }),
      })
      .map((value) => ({ kind: 'multipart' as const, value }));
  }
  return fc.constant({ kind: 'none' as const, value: undefined });
}

function requests(operation: Operation) {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  return fc.record({
    path: fc
      .tuple(...pathParameters.map((parameter) => valueFor(parameter.name, parameter.schema, true)))
      .map((values) =>
        pathParameters.reduce(
          (path, parameter, index) => path.replace(`{${parameter.name}}`, encodeURIComponent(values[index])),
          operation.path,
        ),
      ),
    query: fc.tuple(
      ...queryParameters.map((parameter) =>
        fc.option(valueFor(parameter.name, parameter.schema, false), { nil: undefined, freq: 5 }),
      ),
    ),
    credential: fc.constantFrom(...credentials, ...sessions),
    // Header values a client can send at all (Node refuses control characters before they leave).
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.string({ unit: PRINTABLE, maxLength: 300 })), { nil: undefined }),
    body: bodyFor(operation),
  });
}

describe('every operation of the OpenAPI document, fuzzed', () => {
  it('the document lists the operations to fuzz', () => {
    const listed = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(listed.length).toBeGreaterThanOrEqual(30);
  });

  it(`answers ${String(RUNS)} generated requests per operation with listed statuses, never a 5xx`, async () => {
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, definition] of Object.entries(methods)) {
        const operation = { ...definition, method: method as Operation['method'], path };
        const name = `${method.toUpperCase()} ${path}`;
        if (ONLY && !name.includes(ONLY)) continue;
        sessions = await Promise.all(Object.values(cast.staff).map((member) => member.login()));
        const statuses = new Map<number, number>();
        figures.set(name, statuses);
        let answer = '';
        const result = await fc.check(
          fc.asyncProperty(requests(operation), async (generated) => {
            const query = new URLSearchParams();
            (operation.parameters ?? [])
              .filter((parameter) => parameter.in === 'query')
              .forEach((parameter, index) => {
                const value = generated.query[index];
                if (value !== undefined) query.set(parameter.name, value);
              });
            let call = request(t.http)[operation.method](
              `${generated.path}${query.size ? `?${query.toString()}` : ''}`,
            );
            if (generated.credential) call = call.set('Authorization', `Bearer ${generated.credential}`);
            if (generated.idempotencyKey !== undefined) call = call.set('Idempotency-Key', generated.idempotencyKey);
            const { kind, value } = generated.body;
            if (kind === 'json') call = call.set('Content-Type', 'application/json').send(JSON.stringify(value));
            if (kind === 'raw') call = call.set('Content-Type', 'application/json').send(value as string);
            if (kind === 'multipart') {
              const form = value as {
                type: string;
                servedVia?: string;
                file?: Buffer;
                fileName: string;
                extra?: string;
              };
              call = call.field('type', form.type);
              if (form.servedVia) call = call.field('servedVia', form.servedVia);
              if (form.extra) call = call.field('extra', form.extra);
              if (form.file) call = call.attach('file', form.file, form.fileName);
            }
            // A request the server never answers is a failure too, not a hang of the suite.
            const response = await call.timeout({ response: 15_000, deadline: 30_000 });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            answer = `${String(response.status)} ${(response.text || '').slice(0, 300)}`;
            return response.status < 500 && String(response.status) in operation.responses;
          }),
          { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
        );
        if (result.failed)
          failures.push(`${name} answered ${answer} to ${fc.stringify(result.counterexample).slice(0, 400)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
