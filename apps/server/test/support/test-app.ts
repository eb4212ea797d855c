import type { Role } from '@zhengcai/domain';
import { ROLE_ORGANISATION_KIND, buildUscc } from '@zhengcai/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { organisations, users } from '../../src/db/schema';
import { hashPassword } from '../../src/platform/auth/password';
import { ManualClock } from '../../src/platform/clock';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'Passw0rd-for-tests';

export interface TestApp extends BuiltApp {
  clock: ManualClock;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database with a manual clock; background work is driven by the test. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    startBackground?: boolean;
    logStream?: { write(line: string): void };
    /** Where the manual clock starts (default: a fixed instant in March 2026). */
    clockStart?: Date;
    /** The manual clock runs with real time from where it is set, instead of standing still (ManualClock). */
    clockRunning?: boolean;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SCRYPT_LOG_N: '10',
    WEB_DIST: '/nonexistent',
    PLATFORM_KEY_PASSWORD: 'platform-key-password-for-tests',
    ...env,
  });
  const clock = new ManualClock(options.clockStart, options.clockRunning ?? false);
  const built = await buildApp({
    config,
    database: testDb.database,
    clock,
    startBackground: options.startBackground ?? false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  await built.app.ready();
  return {
    ...built,
    clock,
    testDb,
    async close() {
      await built.app.close();
      await testDb.drop();
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * The 8-character organisation part of a test USCC, different on every call: a counter in the USCC alphabet (no I, O,
 * S, V, Z), starting at a random point per process. (Mapping a time-based string onto that alphabet collided.)
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let usccSequence = Math.floor(Math.random() * 31 ** 7);
function nextUsccBody(): string {
  let n = usccSequence++;
  let out = '';
  for (let i = 0; i < 8; i += 1) {
    out = (USCC_ALPHABET[n % 31] ?? '0') + out;
    n = Math.floor(n / 31);
  }
  return out;
}

/** Makes an organisation of the kind a role needs (none for experts). Each call makes a new one. */
export async function makeOrganisation(
  t: TestApp,
  kind: NonNullable<(typeof ROLE_ORGANISATION_KIND)[Role]>,
  status: 'pending' | 'active' = 'active',
) {
  const now = t.clock.now();
  const body = nextUsccBody();
  const [org] = await t.services.db
    .insert(organisations)
    .values({
      kind,
      name: `测试${kind}${unique()}`,
      uscc: buildUscc('91', '520200', body),
      status,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!org) throw new Error('no organisation');
  return org;
}

/** Makes a user of a role in a new (or the given) organisation. */
export async function makeUser(
  t: TestApp,
  role: Role,
  opts: { organisationId?: string; status?: 'pending' | 'active' } = {},
) {
  const kind = ROLE_ORGANISATION_KIND[role];
  const organisationId = kind === null ? null : (opts.organisationId ?? (await makeOrganisation(t, kind)).id);
  const now = t.clock.now();
  const [user] = await t.services.db
    .insert(users)
    .values({
      login: `${role}-${unique()}`,
      displayName: `测试 ${role}`,
      role,
      organisationId,
      passwordHash: await hashPassword(TEST_PASSWORD, 10),
      status: opts.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!user) throw new Error('no user');
  return user;
}

/** A logged-in browser: sends the session cookie, and the CSRF token on unsafe methods. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  organisationId: string | null;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function logIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${login}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zc_session');
  if (!cookie) throw new Error('no session cookie');
  const me = res.json<{ csrfToken: string; user: { id: string }; organisation: { id: string } | null }>();
  return {
    cookie: cookie.value,
    csrfToken: me.csrfToken,
    userId: me.user.id,
    organisationId: me.organisation?.id ?? null,
    inject: (opts) =>
      app.inject({
        ...opts,
        cookies: { zc_session: cookie.value, ...(opts.cookies ?? {}) },
        headers: { 'x-csrf-token': me.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}

/** A user of the role, logged in. */
export async function sessionAs(t: TestApp, role: Role, opts: { organisationId?: string } = {}): Promise<Session> {
  const user = await makeUser(t, role, opts);
  return logIn(t.app, user.login);
}
