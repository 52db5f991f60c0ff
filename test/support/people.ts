import request from 'supertest';
import { type ApiScope, ApiKeysService, type UserRole, UsersService } from '@app/identity';
import { type Caller, callerWith, type Family, germanReleaseWithDocuments, submitRequest } from './families.js';
import type { TestApp } from './test-app.js';

export { type Caller, type Family, GERMAN_RELEASE_DOCUMENTS } from './families.js';

/** A family submits `validRequest(overrides)` to the server of `t`: a case awaiting documents. */
export const family = (t: TestApp, overrides?: Record<string, unknown>, options?: { idempotencyKey?: string }) =>
  submitRequest(t.http, overrides, options);

/**
 * A family submits a German release to the server of `t` and sends its four documents: ready for
 * review (once its address is confirmed, where REQUIRE_EMAIL_VERIFICATION asks for that).
 */
export const familyWithDocuments = (t: TestApp, overrides?: Record<string, unknown>) =>
  germanReleaseWithDocuments(t.http, overrides);

/** The password of every back-office user the tests create, unless a suite chooses its own. */
export const PASSWORD = 'correct horse battery staple';

/** A back-office user with a session: calls carry its current bearer token. */
export interface Staff extends Caller {
  readonly name: string;
  /** `${name}@example.org` */
  readonly email: string;
  readonly role: UserRole;
  readonly id: string;
  readonly csrfToken: string;
  /** Logs in again (sessions end when idle or too old: after moving the clock); the new session is used from then on. */
  login(): Promise<string>;
}

/** An API key: calls carry it as the bearer token. */
export interface ApiKey extends Caller {
  readonly id: string;
  readonly key: string;
}

export interface ApiKeyOptions {
  /** By default `key ${scopes}`. */
  name?: string;
  expiresInDays?: number;
  /** Made by this admin through POST /api/v1/api-keys (answered 201) instead of by the service. */
  by?: Staff;
}

/** Makes an API key with `scopes` on the server of `t`. */
export async function apiKey(t: TestApp, scopes: ApiScope[], options: ApiKeyOptions = {}): Promise<ApiKey> {
  const input = {
    name: options.name ?? `key ${scopes.join(' ')}`,
    scopes,
    ...(options.expiresInDays ? { expiresInDays: options.expiresInDays } : {}),
  };
  const { id, key } = options.by
    ? ((await options.by.post('/api/v1/api-keys').send(input).expect(201)).body as { id: string; key: string })
    : await t.app.get(ApiKeysService).create(input, 'test');
  return Object.assign(
    callerWith(t.http, () => key),
    { id, key },
  );
}

/** Who the back office has, by name: each gets the e-mail `${name}@example.org`. */
export type Cast = Record<string, UserRole>;

/** A reviewer, a legal user and an admin: what most suites need. */
export const STAFF: Cast = { rita: 'reviewer', lea: 'legal', ada: 'admin' };

export interface People {
  /** The first reviewer, legal user and admin of the cast (a suite without one gets an error). */
  readonly reviewer: Staff;
  readonly legal: Staff;
  readonly admin: Staff;
  /** Everyone of the cast, by name. */
  readonly staff: Readonly<Record<string, Staff>>;
  /** Fresh sessions for everyone (after moving the clock by more than a session lasts). */
  login(): Promise<void>;
  /** A family submits `validRequest(overrides)`: a case awaiting documents. */
  family(overrides?: Record<string, unknown>, options?: { idempotencyKey?: string }): Promise<Family>;
  /** A family submits a German release and sends its four documents: ready for review. */
  familyWithDocuments(overrides?: Record<string, unknown>): Promise<Family>;
  /** An API key with these scopes. */
  apiKey(scopes: ApiScope[], options?: ApiKeyOptions): Promise<ApiKey>;
}

/**
 * The people of a suite on the server of `t`: the back-office users of `cast` (created with
 * `password`, in this order, then each logged in once), families, and API keys.
 */
export async function people(
  t: TestApp,
  { cast = STAFF, password = PASSWORD }: { cast?: Cast; password?: string } = {},
): Promise<People> {
  const users = t.app.get(UsersService);
  const created: { name: string; role: UserRole; id: string }[] = [];
  for (const [name, role] of Object.entries(cast)) {
    const { id } = await users.create(`${name}@example.org`, role, password);
    created.push({ name, role, id });
  }
  const staff: Record<string, Staff> = {};
  for (const { name, role, id } of created) {
    const email = `${name}@example.org`;
    let session = { token: '', csrfToken: '' };
    const login = async (): Promise<string> => {
      const answer = await request(t.http).post('/api/v1/auth/login').send({ email, password }).expect(200);
      session = answer.body as typeof session;
      return session.token;
    };
    await login();
    const caller = callerWith(t.http, () => session.token);
    staff[name] = {
      name,
      email,
      role,
      id,
      login,
      get token() {
        return session.token;
      },
      get csrfToken() {
        return session.csrfToken;
      },
      get: caller.get,
      post: caller.post,
      put: caller.put,
      delete: caller.delete,
    };
  }
  const first = (role: UserRole): Staff => {
    const member = Object.values(staff).find((candidate) => candidate.role === role);
    if (!member) throw new Error(`This suite's cast has no ${role}: name one in people(t, { cast })`);
    return member;
  };
  return {
    get reviewer() {
      return first('reviewer');
    },
    get legal() {
      return first('legal');
    },
    get admin() {
      return first('admin');
    },
    staff,
    login: async () => {
      for (const member of Object.values(staff)) await member.login();
    },
    family: (overrides, options) => family(t, overrides, options),
    familyWithDocuments: (overrides) => familyWithDocuments(t, overrides),
    apiKey: (scopes, options) => apiKey(t, scopes, options),
  };
}
