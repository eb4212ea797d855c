import { ROLE_ORGANISATION_KIND, buildUscc, type OrganisationKind, type Role } from '@zhengcai/domain';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, organisations, users } from '../src/db/schema';
import { API_TOKEN_PREFIX, randomSecret, secretHash } from '../src/platform/auth/secrets';
import type { RouteEntry } from '../src/platform/http/access';
import { errorSchema } from '../src/platform/http/responses';
import { takeSnapshot } from './support/db-snapshot';
import { projectBody } from './support/project-body';
import { TEST_PASSWORD, createTestApp, logIn, makeUser, type Session, type TestApp } from './support/test-app';

/**
 * Bad input never gets a 500: every route that takes input answers malformed, mistyped, oversized or unauthenticated
 * requests with the documented error body (`{ error: { code, message: { zh, en }, fields?, requestId } }`), names
 * the offending fields as `body.user.login` with a reason in both languages, and changes nothing in the database.
 */

// ---------------------------------------------------------------------------------------------------------------
// Requests, callers and checks.

type Caller = 'anonymous' | Role;

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** Sent as JSON (any value, including arrays, strings and null). */
  json?: unknown;
  /** Sent as is, with the headers given. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

let sequence = 0;
const unique = () => `${process.pid.toString(36)}y${(sequence++).toString(36)}`;
/** Valid codes in a division (110100) that no other helper uses, so they never collide. */
const freshUscc = () => buildUscc('91', '110100', String(sequence++).padStart(8, '0'));
/** A new client address per request, so the per-address rate limits of log-in and sign-up never interfere. */
const nextAddress = () => `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence++ & 255}`;
const UNKNOWN_ID = '7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a93';

function toInject(req: Req): InjectOptions {
  const headers: Record<string, string> = { ...req.headers };
  let payload: string | Buffer | undefined;
  if (req.json !== undefined) {
    payload = JSON.stringify(req.json);
    headers['content-type'] ??= 'application/json';
  } else if (req.raw !== undefined) {
    payload = req.raw;
  }
  return {
    method: req.method,
    url: req.url,
    headers,
    remoteAddress: nextAddress(),
    ...(payload !== undefined ? { payload } : {}),
  };
}

function withSession(opts: InjectOptions, session: Session): InjectOptions {
  const headers = typeof opts.headers === 'object' ? opts.headers : {};
  return {
    ...opts,
    cookies: { zc_session: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken, ...headers },
  };
}

const CJK = /[\u4e00-\u9fff]/;

/** The documented error body, with `fields` naming each of `fields` (and only bilingual reasons). */
function expectError(res: LightMyRequestResponse, status: number, code: string, fields: readonly string[] = []): void {
  const context = `${res.statusCode} ${res.body.slice(0, 600)}`;
  expect(res.statusCode, context).not.toBe(500);
  expect(res.statusCode, context).toBe(status);
  const raw: unknown = JSON.parse(res.body);
  expect(Object.keys(raw as object), context).toEqual(['error']);
  const { error } = errorSchema.parse(raw);
  expect(error.code, context).toBe(code);
  expect(error.message.zh, context).toMatch(CJK);
  expect(error.message.en.length, context).toBeGreaterThan(0);
  expect(error.message.en, context).not.toBe(error.message.zh);
  expect(error.requestId, context).toBe(res.headers['x-request-id']);
  if (code === 'VALIDATION_FAILED') expect(error.fields?.length ?? 0, context).toBeGreaterThan(0);
  for (const f of error.fields ?? []) {
    expect(f.reason.zh, context).toMatch(CJK);
    expect(f.reason.en.length, context).toBeGreaterThan(0);
  }
  const named = (error.fields ?? []).map((f) => f.field);
  for (const field of fields) expect(named, context).toContain(field);
}

async function newOrganisation(t: TestApp, kind: OrganisationKind, status: 'pending' | 'active' = 'active') {
  const now = t.clock.now();
  const [org] = await t.services.db
    .insert(organisations)
    .values({ kind, name: `测试机构${unique()}`, uscc: freshUscc(), status, createdAt: now, updatedAt: now })
    .returning();
  if (!org) throw new Error('no organisation');
  return org;
}

async function newUser(t: TestApp, role: Role, opts: { organisationId?: string; status?: 'pending' | 'active' } = {}) {
  const kind = ROLE_ORGANISATION_KIND[role];
  const organisationId = opts.organisationId ?? (kind === null ? undefined : (await newOrganisation(t, kind)).id);
  return makeUser(t, role, {
    ...(organisationId ? { organisationId } : {}),
    ...(opts.status ? { status: opts.status } : {}),
  });
}

async function issueToken(t: TestApp, userId: string, values: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const token = randomSecret(API_TOKEN_PREFIX);
  const [row] = await t.services.db
    .insert(apiTokens)
    .values({ userId, name: `令牌 ${unique()}`, tokenHash: secretHash(token), createdAt: t.clock.now(), ...values })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('no token');
  return { id: row.id, token };
}

/** The routes as registered, without documentation and HEAD. */
const apiRoutes = (t: TestApp): RouteEntry[] =>
  t.routes.filter((r) => r.method !== 'HEAD' && r.url !== '/*' && !r.url.startsWith('/api/docs'));
/** A role the route admits, or null for public routes. */
const admittedRole = (r: RouteEntry): Role | null =>
  'public' in r.access ? null : r.access.roles === 'any' ? 'supplier' : (r.access.roles[0] ?? null);
/** Every path parameter (`:id`, `:lotId`, `:submissionId`…) filled with the same value. */
/** Path parameters that are numbers, not ids (a recording's chunk number): filled with 0, checked by their own cases. */
const NUMBER_PARAMS = new Set(['seq']);
/**
 * Path parameters that are not UUIDs but have a format of their own: filled with a well-formed value that names
 * nothing (a transaction certificate's number, ADR 0020). The id test still sends them its malformed ids.
 */
const FORMATTED_PARAMS: Record<string, string> = { number: 'JYZM-2026-999999' };
const fillParams = (url: string, id: string) =>
  url.replace(/:([A-Za-z]+)\b/g, (_, name: string) =>
    NUMBER_PARAMS.has(name) ? '0' : id === UNKNOWN_ID ? (FORMATTED_PARAMS[name] ?? id) : id,
  );
const paramNames = (url: string) =>
  [...url.matchAll(/:([A-Za-z]+)\b/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !NUMBER_PARAMS.has(name))
    .map((name) => `params.${name}`);
/** Routes that take a multipart/form-data upload. */
const MULTIPART_ROUTES = new Set(['POST /api/projects/:id/documents', 'POST /api/suppliers/me/qualifications']);

/**
 * Runs one refused request and checks the answer and that the database did not change. The clock moves on first,
 * so an update the request made would carry a later `updated_at` than everything before it.
 */
async function refused(
  t: TestApp,
  opts: InjectOptions,
  status: number,
  code: string,
  fields: readonly string[] = [],
): Promise<LightMyRequestResponse> {
  t.clock.advance(1_000);
  const before = await takeSnapshot(t.services.db);
  const res = await t.app.inject(opts);
  expectError(res, status, code, fields);
  expect(
    await takeSnapshot(t.services.db),
    `${String(opts.method)} ${typeof opts.url === 'string' ? opts.url : ''} changed the database`,
  ).toEqual(before);
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// The table of bad requests, route by route.

interface Ctx {
  t: TestApp;
  sessionOf: (role: Role) => Promise<Session>;
}

interface Case {
  name: string;
  as: Caller;
  req: Req | ((ctx: Ctx) => Promise<Req>);
  status: number;
  code: string;
  fields?: readonly string[];
}

type Json = Record<string, unknown>;
/** A copy of `base` with the value at a dotted path replaced, or removed with REMOVE. */
const REMOVE = Symbol('remove');
function variant(base: Json, path: string, value: unknown): Json {
  const copy = structuredClone(base);
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node: Json = copy;
  for (const key of keys) node = node[key] as Json;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

const signUp = (): Json => {
  const login = `bad-${unique()}`;
  return {
    organisation: { name: '贵州测试科技有限公司', uscc: freshUscc() },
    profile: { industry: 'other', employees: 50 },
    declaration: { declaredScale: 'small', confirmed: true },
    user: { login, displayName: '测试', password: 'abc1234567', email: `${login}@example.cn`, phone: '13800000000' },
  };
};
const newAccount = (): Json => ({
  role: 'expert',
  login: `acct-${unique()}`,
  displayName: '专家',
  password: 'abc1234567',
});

/** A case per (path, value) on a body, expecting VALIDATION_FAILED naming `body.<path>`. */
function bodyCases(
  route: string,
  as: Caller,
  base: () => Json,
  variants: readonly (readonly [path: string, value: unknown, label: string])[],
): Case[] {
  const [method, url] = route.split(' ') as [Req['method'], string];
  return variants.map(([path, value, label]) => ({
    name: `${route}: ${path} ${label}`,
    as,
    req: { method, url, json: variant(base(), path, value) },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: [`body.${path}`],
  }));
}

const long = (n: number) => 'x'.repeat(n);
const query = (url: string, as: Caller, field: string, label: string): Case => ({
  name: `GET ${url} (${label})`,
  as,
  req: { method: 'GET', url },
  status: 400,
  code: 'VALIDATION_FAILED',
  fields: [`query.${field}`],
});
const whole = (method: Req['method'], url: string, as: Caller, json: unknown, label: string): Case => ({
  name: `${method} ${url}: body ${label}`,
  as,
  req: { method, url, json },
  status: 400,
  code: 'VALIDATION_FAILED',
  fields: ['body'],
});

/** A lot's evaluation that does not exist. */
const EVALUATION = `/api/lots/${UNKNOWN_ID}/evaluation`;
/** A pass/fail review (qualification, compliance): a reason when failing. */
const REVIEW_VARIANTS = [
  ['passed', REMOVE, 'missing'],
  ['passed', 'no', 'a string'],
  ['reason', REMOVE, 'missing when failing'],
  ['reason', '  ', 'blank when failing'],
  ['reason', '否', 'too short when failing'],
  ['reason', long(501), 'too long'],
  ['reason', 42, 'a number'],
] as const;

const CASES: Case[] = [
  // Projects and the public notices
  ...bodyCases('POST /api/projects', 'purchaser', () => projectBody(), [
    ['title', REMOVE, 'missing'],
    ['title', long(201), 'too long'],
    ['method', 'auction', 'not a known method'],
    ['category', 'food', 'not a known category'],
    ['lots', 'many', 'a string'],
    ['decryptionWindowMinutes', 5, 'under 10 minutes'],
    ['intentionPublishedOn', '2026-02-30', 'not a date'],
    ['documentsAvailableUntil', 'tomorrow', 'not an instant'],
    ['noticeDetails.contactPhone', long(51), 'too long'],
  ]),
  whole('POST', '/api/projects', 'purchaser', [projectBody()], 'an array'),
  ...bodyCases(
    `PUT /api/projects/${UNKNOWN_ID}/key-escrow`,
    'purchaser',
    () => ({ threshold: 2, holders: [{ userId: UNKNOWN_ID, roleLabel: '交易中心' }] }),
    [
      ['threshold', 1, 'under 2'],
      ['threshold', 2.5, 'not whole'],
      ['threshold', REMOVE, 'missing'],
      ['holders', 'centre', 'a string'],
      ['holders.0.userId', 'someone', 'not a UUID'],
      ['holders.0.roleLabel', long(41), 'too long'],
      ['holders.0.roleLabel', '  ', 'blank'],
    ],
  ),
  query('/api/notices?category=food', 'anonymous', 'category', 'unknown category'),
  query('/api/notices?limit=101', 'anonymous', 'limit', 'limit over 100'),
  query(`/api/notices?q=${long(101)}`, 'anonymous', 'q', 'search too long'),
  query('/api/projects?status=archived', 'purchaser', 'status', 'unknown status'),
  {
    name: 'GET /api/notices/:id: unknown id',
    as: 'anonymous',
    req: { method: 'GET', url: `/api/notices/${UNKNOWN_ID}` },
    status: 404,
    code: 'NOT_FOUND',
  },

  // POST /api/auth/login
  ...bodyCases('POST /api/auth/login', 'anonymous', () => ({ login: 'nobody-here', password: 'whatever1' }), [
    ['login', REMOVE, 'missing'],
    ['password', REMOVE, 'missing'],
    ['login', 123, 'a number'],
    ['password', ['x'], 'an array'],
    ['login', long(65), 'too long'],
    ['password', long(129), 'too long'],
    ['login', '   ', 'blank'],
  ]),
  whole('POST', '/api/auth/login', 'anonymous', [], 'an array'),
  whole('POST', '/api/auth/login', 'anonymous', 'login', 'a string'),
  whole('POST', '/api/auth/login', 'anonymous', null, 'null'),
  {
    name: 'POST /api/auth/login: unknown login',
    as: 'anonymous',
    req: { method: 'POST', url: '/api/auth/login', json: { login: 'nobody-here', password: 'whatever1' } },
    status: 401,
    code: 'INVALID_CREDENTIALS',
  },

  // POST /api/registrations/suppliers
  ...bodyCases('POST /api/registrations/suppliers', 'anonymous', signUp, [
    ['organisation', REMOVE, 'missing'],
    ['user.login', REMOVE, 'missing'],
    ['organisation', [], 'an array'],
    ['user', 'someone', 'a string'],
    ['organisation.name', 42, 'a number'],
    ['organisation.name', long(101), 'too long'],
    ['organisation.name', '  甲 ', 'too short once trimmed'],
    ['profile.industry', 'mining', 'not a known industry'],
    ['profile.employees', REMOVE, 'missing when the industry counts employees'],
    ['profile.employees', -1, 'negative'],
    ['profile.revenueFen', 1.5, 'not whole fen'],
    ['declaration.declaredScale', 'huge', 'not a known scale'],
    ['declaration.confirmed', false, 'not ticked'],
    ['organisation.usccPilot', 'yes', 'not a boolean'],
    ['organisation.uscc', 123, 'a number'],
    ['organisation.uscc', '9144030070846113', 'too short'],
    ['organisation.uscc', '9144030070846113IT', 'with a forbidden character'],
    ['organisation.uscc', '91AB0300708461136T', 'with letters in the division code'],
    ['user.login', long(65), 'too long'],
    ['user.login', 'bad login!', 'with forbidden characters'],
    ['user.displayName', long(51), 'too long'],
    ['user.password', 'abcdefghijk', 'without digits'],
    ['user.password', 'a1'.repeat(65), 'too long'],
    ['user.email', 'not-an-email', 'not an address'],
    ['user.email', `${long(200)}@example.cn`, 'too long'],
    ['user.phone', '12345', 'not a mobile number'],
    ['user.phone', 13800000000, 'a number'],
  ]),
  whole('POST', '/api/registrations/suppliers', 'anonymous', [signUp()], 'an array'),
  {
    name: 'POST /api/registrations/suppliers: credit code already registered',
    as: 'anonymous',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/registrations/suppliers',
      json: variant(signUp(), 'organisation.uscc', (await newOrganisation(t, 'supplier')).uscc),
    }),
    status: 409,
    code: 'USCC_TAKEN',
  },
  {
    name: 'POST /api/registrations/suppliers: login taken (in other letter case)',
    as: 'anonymous',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/registrations/suppliers',
      json: variant(signUp(), 'user.login', (await newUser(t, 'supplier')).login.toUpperCase()),
    }),
    status: 409,
    code: 'LOGIN_TAKEN',
  },

  // POST /api/auth/password
  {
    name: 'POST /api/auth/password: empty body',
    as: 'supplier',
    req: { method: 'POST', url: '/api/auth/password', json: {} },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.currentPassword', 'body.newPassword'],
  },
  ...bodyCases(
    'POST /api/auth/password',
    'supplier',
    () => ({ currentPassword: TEST_PASSWORD, newPassword: 'New-passw0rd-2026' }),
    [
      ['newPassword', 'short1', 'too short'],
      ['newPassword', 'abcdefghijkl', 'without digits'],
      ['newPassword', 12345678901, 'a number'],
      ['currentPassword', 42, 'a number'],
    ],
  ),
  {
    name: 'POST /api/auth/password: wrong current password',
    as: 'supplier',
    req: {
      method: 'POST',
      url: '/api/auth/password',
      json: { currentPassword: 'not-my-passw0rd', newPassword: 'New-passw0rd-2026' },
    },
    status: 400,
    code: 'WRONG_PASSWORD',
  },

  // GET /api/organisations and /api/organisations/:id, approve, reject
  query('/api/organisations?status=deleted', 'centre', 'status', 'unknown status'),
  query('/api/organisations?status=pending&status=active', 'centre', 'status', 'status twice'),
  query('/api/organisations?kind=alien', 'centre', 'kind', 'unknown kind'),
  query('/api/organisations?limit=0', 'centre', 'limit', 'limit 0'),
  query('/api/organisations?limit=201', 'centre', 'limit', 'limit over 200'),
  query('/api/organisations?limit=abc', 'centre', 'limit', 'limit not a number'),
  query('/api/organisations?offset=-1', 'centre', 'offset', 'negative offset'),
  {
    name: 'GET /api/organisations/:id: unknown id',
    as: 'centre',
    req: { method: 'GET', url: `/api/organisations/${UNKNOWN_ID}` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/organisations/:id/approve: unknown id',
    as: 'centre',
    req: { method: 'POST', url: `/api/organisations/${UNKNOWN_ID}/approve` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/organisations/:id/reject: unknown id',
    as: 'centre',
    req: { method: 'POST', url: `/api/organisations/${UNKNOWN_ID}/reject`, json: { reason: '材料不全' } },
    status: 404,
    code: 'NOT_FOUND',
  },
  ...(
    [
      [REMOVE, 'missing'],
      [long(501), 'too long'],
      ['  甲  ', 'too short once trimmed'],
      [42, 'a number'],
    ] as const
  ).map(([reason, label]): Case => ({
    name: `POST /api/organisations/:id/reject: reason ${label}`,
    as: 'centre',
    req: async ({ t }) => ({
      method: 'POST',
      url: `/api/organisations/${(await newOrganisation(t, 'supplier', 'pending')).id}/reject`,
      json: variant({ reason: 'x' }, 'reason', reason),
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.reason'],
  })),

  // Administration
  query('/api/admin/users?role=root', 'admin', 'role', 'unknown role'),
  query('/api/admin/users?limit=501', 'admin', 'limit', 'limit over 500'),
  query('/api/admin/users?offset=x', 'admin', 'offset', 'offset not a number'),
  {
    name: 'POST /api/admin/organisations: empty body',
    as: 'admin',
    req: { method: 'POST', url: '/api/admin/organisations', json: {} },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.kind', 'body.name'],
  },
  ...bodyCases(
    'POST /api/admin/organisations',
    'admin',
    () => ({ kind: 'purchaser', name: '六盘水市教育局', uscc: freshUscc() }),
    [
      ['kind', 'alien', 'not a known kind'],
      ['name', '甲', 'too short'],
      ['name', 42, 'a number'],
      ['scale', 'huge', 'not a known scale'],
      ['region', long(51), 'too long'],
      ['uscc', ['91440300708461136T'], 'an array'],
    ],
  ),
  whole('POST', '/api/admin/organisations', 'admin', [], 'an array'),
  {
    name: 'POST /api/admin/organisations: credit code already registered',
    as: 'admin',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/admin/organisations',
      json: { kind: 'supplier', name: '重复信用代码公司', uscc: (await newOrganisation(t, 'supplier')).uscc },
    }),
    status: 409,
    code: 'USCC_TAKEN',
  },
  {
    name: 'POST /api/admin/users: empty body',
    as: 'admin',
    req: { method: 'POST', url: '/api/admin/users', json: {} },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.role', 'body.login', 'body.displayName', 'body.password'],
  },
  ...bodyCases('POST /api/admin/users', 'admin', newAccount, [
    ['role', 'root', 'not a known role'],
    ['organisationId', 'not-a-uuid', 'not a UUID'],
    ['login', 'has spaces in it', 'with forbidden characters'],
    ['displayName', long(51), 'too long'],
    ['password', 'abcdefghijk', 'without digits'],
    ['email', 'not-an-email', 'not an address'],
    ['phone', long(21), 'too long'],
  ]),
  {
    name: 'POST /api/admin/users: an organisation that does not exist',
    as: 'admin',
    req: {
      method: 'POST',
      url: '/api/admin/users',
      json: { ...newAccount(), role: 'purchaser', organisationId: UNKNOWN_ID },
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.organisationId'],
  },
  {
    name: 'POST /api/admin/users: an expert with an organisation',
    as: 'admin',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/admin/users',
      json: { ...newAccount(), organisationId: (await newOrganisation(t, 'purchaser')).id },
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.organisationId'],
  },
  {
    name: 'POST /api/admin/users: a purchaser without an organisation',
    as: 'admin',
    req: { method: 'POST', url: '/api/admin/users', json: { ...newAccount(), role: 'purchaser' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.organisationId'],
  },
  {
    name: "POST /api/admin/users: a purchaser in a supplier's organisation",
    as: 'admin',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/admin/users',
      json: { ...newAccount(), role: 'purchaser', organisationId: (await newOrganisation(t, 'supplier')).id },
    }),
    status: 400,
    code: 'ROLE_ORGANISATION_MISMATCH',
  },
  {
    name: 'POST /api/admin/users: login taken',
    as: 'admin',
    req: async ({ t }) => ({
      method: 'POST',
      url: '/api/admin/users',
      json: { ...newAccount(), login: (await newUser(t, 'expert')).login },
    }),
    status: 409,
    code: 'LOGIN_TAKEN',
  },
  {
    name: 'POST /api/admin/users/:id/unlock: unknown id',
    as: 'admin',
    req: { method: 'POST', url: `/api/admin/users/${UNKNOWN_ID}/unlock` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/admin/users/:id/unlock: not locked',
    as: 'admin',
    req: async ({ t }) => ({ method: 'POST', url: `/api/admin/users/${(await newUser(t, 'expert')).id}/unlock` }),
    status: 409,
    code: 'INVALID_STATE',
  },

  // API tokens
  ...bodyCases('POST /api/tokens', 'supplier', () => ({ name: '财务系统对接', expiresInDays: 30 }), [
    ['name', REMOVE, 'missing'],
    ['name', '   ', 'blank'],
    ['name', long(101), 'too long'],
    ['name', 42, 'a number'],
    ['expiresInDays', '30', 'a string'],
    ['expiresInDays', 0, 'zero'],
    ['expiresInDays', 3651, 'over ten years'],
    ['expiresInDays', 1.5, 'not whole'],
  ]),
  whole('POST', '/api/tokens', 'supplier', [{ name: 'x' }], 'an array'),
  {
    name: 'DELETE /api/tokens/:id: unknown id',
    as: 'supplier',
    req: { method: 'DELETE', url: `/api/tokens/${UNKNOWN_ID}` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: "DELETE /api/tokens/:id: someone else's",
    as: 'supplier',
    req: async ({ t }) => ({
      method: 'DELETE',
      url: `/api/tokens/${(await issueToken(t, (await newUser(t, 'supplier')).id)).id}`,
    }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'DELETE /api/tokens/:id: already revoked',
    as: 'supplier',
    req: async ({ t, sessionOf }) => ({
      method: 'DELETE',
      url: `/api/tokens/${(await issueToken(t, (await sessionOf('supplier')).userId, { revokedAt: t.clock.now() })).id}`,
    }),
    status: 409,
    code: 'INVALID_STATE',
  },

  // Events and the live stream
  query('/api/events?after=-1', 'anonymous', 'after', 'negative'),
  query('/api/events?after=abc', 'anonymous', 'after', 'not a number'),
  query('/api/events?after=1e30', 'anonymous', 'after', 'beyond any sequence number'),
  query('/api/events?limit=0', 'anonymous', 'limit', 'limit 0'),
  query('/api/events?limit=501', 'anonymous', 'limit', 'limit over 500'),
  query('/api/live?subject=Bad%20Subject', 'anonymous', 'subject', 'malformed subject'),
  query('/api/live?lastEventId=-1', 'anonymous', 'lastEventId', 'negative'),
  {
    name: 'GET /api/live: Last-Event-ID header not a number',
    as: 'anonymous',
    req: { method: 'GET', url: '/api/live', headers: { 'last-event-id': 'abc' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['headers.last-event-id'],
  },

  // Consortium bids (ADR 0014): the composition and the co-signature are checked field by field.
  ...bodyCases(
    'POST /api/bids/submissions',
    'supplier',
    () => ({
      projectId: UNKNOWN_ID,
      lotId: UNKNOWN_ID,
      consortium: {
        members: [
          { uscc: freshUscc(), role: 'lead', shareBasisPoints: 6000 },
          { uscc: freshUscc(), role: 'member', shareBasisPoints: 4000 },
        ],
      },
    }),
    [
      ['consortium.members', 'many', 'a string'],
      ['consortium.members.1.role', 'boss', 'not a known role'],
      ['consortium.members.1.shareBasisPoints', 12.5, 'not whole basis points'],
      ['consortium.members.1.shareBasisPoints', '40%', 'a string'],
      ['consortium.members.1.uscc', long(19), 'too long'],
      ['consortium.members.1.uscc', REMOVE, 'missing'],
    ],
  ),
  ...bodyCases(
    `POST /api/bids/consortium-requests/${UNKNOWN_ID}/sign`,
    'supplier',
    () => ({ signature: 'ab'.repeat(64) }),
    [
      ['signature', REMOVE, 'missing'],
      ['signature', 'XYZ', 'not hex'],
      ['signature', '', 'empty'],
      ['signature', 'ab'.repeat(300), 'too long'],
    ],
  ),
  ...bodyCases(`POST /api/bids/consortium-requests/${UNKNOWN_ID}/decline`, 'supplier', () => ({ reason: '' }), [
    ['reason', long(501), 'too long'],
    ['reason', 42, 'a number'],
  ]),
  {
    name: 'POST /api/bids/consortium-requests/:id/sign: unknown request',
    as: 'supplier',
    req: {
      method: 'POST',
      url: `/api/bids/consortium-requests/${UNKNOWN_ID}/sign`,
      json: { signature: 'ab'.repeat(64) },
    },
    status: 404,
    code: 'NOT_FOUND',
  },

  // The opening hall (ADR 0016): signatures, content keys, confirmations and answers are checked field by field.
  ...bodyCases(`POST /api/openings/${UNKNOWN_ID}/sign-in`, 'supplier', () => ({ signature: 'ab'.repeat(64) }), [
    ['signature', REMOVE, 'missing'],
    ['signature', 'XYZ', 'not hex'],
    ['signature', 'ab'.repeat(63), 'too short'],
    ['signature', 42, 'a number'],
  ]),
  ...bodyCases(
    `POST /api/openings/${UNKNOWN_ID}/bids/${UNKNOWN_ID}/key`,
    'supplier',
    () => ({ contentKey: 'ab'.repeat(16) }),
    [
      ['contentKey', REMOVE, 'missing'],
      ['contentKey', 'zz'.repeat(16), 'not hex'],
      ['contentKey', 'ab'.repeat(20), 'neither 16 nor 32 bytes'],
      ['contentKey', '', 'empty'],
    ],
  ),
  ...bodyCases(
    `POST /api/openings/${UNKNOWN_ID}/bids/${UNKNOWN_ID}/confirm`,
    'supplier',
    () => ({ decision: 'object', text: '报价大写与小写不一致' }),
    [
      ['decision', 'maybe', 'not a known decision'],
      ['decision', REMOVE, 'missing'],
      ['text', REMOVE, 'missing for an objection'],
      ['text', long(2001), 'too long'],
    ],
  ),
  ...bodyCases(
    `POST /api/openings/${UNKNOWN_ID}/bids/${UNKNOWN_ID}/answer`,
    'agency',
    () => ({ text: '经核对，以开标一览表为准' }),
    [
      ['text', REMOVE, 'missing'],
      ['text', 'a', 'too short'],
      ['text', long(2001), 'too long'],
    ],
  ),
  ...bodyCases(`POST /api/openings/${UNKNOWN_ID}/record/sign`, 'agency', () => ({ signature: 'ab'.repeat(64) }), [
    ['signature', REMOVE, 'missing'],
    ['signature', 'not-hex', 'not hex'],
  ]),
  ...bodyCases(
    `POST /api/openings/${UNKNOWN_ID}/bids/${UNKNOWN_ID}/recovery-shares`,
    'centre',
    () => ({ share: 'ab'.repeat(17), reason: '投标人密钥文件损坏' }),
    [
      ['share', REMOVE, 'missing'],
      ['share', 'not-hex', 'not hex'],
      ['share', 'ABAB', 'upper-case hex'],
      ['share', 'abc', 'odd length'],
      ['share', 'ab'.repeat(66), 'too long'],
      ['reason', REMOVE, 'missing'],
      ['reason', ' ', 'blank'],
      ['reason', long(501), 'too long'],
    ],
  ),
  // The evaluation's result, questions to bidders, report and signatures (modules/evaluation-results).
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/evaluation/queries`,
    'expert',
    () => ({ kind: 'arithmetic_correction', submissionId: UNKNOWN_ID, lines: [{ unitPriceFen: 100, quantity: 2 }] }),
    [
      ['kind', 'refund', 'not a known kind'],
      ['kind', REMOVE, 'missing'],
      ['submissionId', 'bid-1', 'not a UUID'],
      ['lines.0.unitPriceFen', -1, 'negative'],
      ['lines.0.unitPriceFen', 1.5, 'a fraction of a fen'],
      ['lines.0.quantity', 0, 'zero'],
      ['bodyTotalFen', '100', 'a string'],
      ['misplacedDecimalLine', -1, 'negative'],
      ['respondBy', '明天', 'not a date-time'],
    ],
  ),
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/evaluation/queries`,
    'expert',
    () => ({ kind: 'abnormal_price', submissionId: UNKNOWN_ID, question: '请说明报价合理性' }),
    [
      ['question', REMOVE, 'missing'],
      ['question', ' ', 'blank'],
      ['question', long(2001), 'too long'],
    ],
  ),
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/evaluation/queries/${UNKNOWN_ID}/decision`,
    'expert',
    () => ({ decision: 'rejected', reason: '说明不充分' }),
    [
      ['decision', 'maybe', 'not a known decision'],
      ['reason', REMOVE, 'missing'],
      ['reason', long(2001), 'too long'],
    ],
  ),
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/evaluation/report/sign`,
    'expert',
    () => ({ signature: 'ab'.repeat(64) }),
    [
      ['signature', REMOVE, 'missing'],
      ['signature', 'not-hex', 'not hex'],
      ['dissent', 42, 'a number'],
      ['dissent', long(5001), 'too long'],
    ],
  ),
  ...bodyCases(
    `POST /api/evaluation-queries/${UNKNOWN_ID}/answer`,
    'supplier',
    () => ({ action: 'explain', text: '原厂直销' }),
    [
      ['action', 'ignore', 'not a known action'],
      ['action', REMOVE, 'missing'],
      ['text', REMOVE, 'missing for an explanation'],
      ['text', long(5001), 'too long'],
    ],
  ),
  {
    name: 'POST /api/lots/:lotId/evaluation/compute: a lot with no evaluation',
    as: 'expert',
    req: { method: 'POST', url: `/api/lots/${UNKNOWN_ID}/evaluation/compute` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET /api/lots/:lotId/evaluation/report.pdf: a lot with no evaluation',
    as: 'supervisor',
    req: { method: 'GET', url: `/api/lots/${UNKNOWN_ID}/evaluation/report.pdf` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/evaluation-queries/:queryId/answer: no such question',
    as: 'supplier',
    req: { method: 'POST', url: `/api/evaluation-queries/${UNKNOWN_ID}/answer`, json: { action: 'confirm' } },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET /api/openings/:lotId/bids/:submissionId/recovery-share: a lot with no hall',
    as: 'centre',
    req: { method: 'GET', url: `/api/openings/${UNKNOWN_ID}/bids/${UNKNOWN_ID}/recovery-share` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/openings/:lotId/start: a lot with no hall',
    as: 'agency',
    req: { method: 'POST', url: `/api/openings/${UNKNOWN_ID}/start` },
    status: 404,
    code: 'NOT_FOUND',
  },
  // Recordings of the opening (issue 4 point 8).
  ...bodyCases(
    'POST /api/recordings',
    'agency',
    () => ({ lotId: UNKNOWN_ID, mimeType: 'video/webm;codecs=vp8,opus' }),
    [
      ['lotId', REMOVE, 'missing'],
      ['lotId', 'lot-1', 'not a UUID'],
      ['mimeType', REMOVE, 'missing'],
      ['mimeType', 'text/html', 'not a media type'],
      ['mimeType', `video/${long(100)}`, 'too long'],
      ['mimeType', 42, 'a number'],
    ],
  ),
  {
    name: 'POST /api/recordings: a lot that does not exist',
    as: 'agency',
    req: { method: 'POST', url: '/api/recordings', json: { lotId: UNKNOWN_ID, mimeType: 'video/webm' } },
    status: 404,
    code: 'NOT_FOUND',
  },
  ...(
    [
      ['-1', 'negative'],
      ['1.5', 'not whole'],
      ['abc', 'not a number'],
      ['100001', 'too large'],
    ] as const
  ).map(([seq, label]): Case => ({
    name: `PUT /api/recordings/:id/chunks/:seq: seq ${label}`,
    as: 'agency',
    req: {
      method: 'PUT',
      url: `/api/recordings/${UNKNOWN_ID}/chunks/${seq}`,
      raw: Buffer.from('chunk'),
      headers: { 'content-type': 'application/octet-stream' },
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['params.seq'],
  })),
  {
    name: 'PUT /api/recordings/:id/chunks/:seq: a recording that does not exist',
    as: 'agency',
    req: {
      method: 'PUT',
      url: `/api/recordings/${UNKNOWN_ID}/chunks/0`,
      raw: Buffer.from('chunk'),
      headers: { 'content-type': 'application/octet-stream' },
    },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'PUT /api/recordings/:id/chunks/:seq: a JSON body instead of bytes',
    as: 'agency',
    req: { method: 'PUT', url: `/api/recordings/${UNKNOWN_ID}/chunks/0`, json: { bytes: 'AAAA' } },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  query('/api/recordings', 'supervisor', 'lotId', 'missing'),
  query('/api/recordings?lotId=12', 'supervisor', 'lotId', 'not a UUID'),
  {
    name: 'GET /api/recordings: a lot that does not exist',
    as: 'supervisor',
    req: { method: 'GET', url: `/api/recordings?lotId=${UNKNOWN_ID}` },
    status: 404,
    code: 'NOT_FOUND',
  },
  // Transaction certificates (ADR 0020).
  {
    name: 'POST /api/verify/certificates/:number/check: a number never issued',
    as: 'anonymous',
    req: {
      method: 'POST',
      url: '/api/verify/certificates/JYZM-2026-999999/check',
      raw: Buffer.from('%PDF-1.7\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
    },
    status: 404,
    code: 'TRANSACTION_CERTIFICATE_NOT_FOUND',
  },
  {
    name: 'POST /api/verify/certificates/:number/check: a JSON body instead of the file',
    as: 'anonymous',
    req: { method: 'POST', url: '/api/verify/certificates/JYZM-2026-999999/check', json: { pdf: 'JVBERi0=' } },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'GET /api/verify/certificates/:number: a project code instead of a certificate number',
    as: 'anonymous',
    req: { method: 'GET', url: '/api/verify/certificates/ZC-2026-000123' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['params.number'],
  },
  ...bodyCases(
    'POST /api/transaction-certificates/JYZM-2026-999999/revoke',
    'centre',
    () => ({ reason: '投诉处理决定撤销中标结果' }),
    [
      ['reason', REMOVE, 'missing'],
      ['reason', '撤销', 'too short'],
      ['reason', '   撤销   ', 'too short once trimmed'],
      ['reason', long(501), 'too long'],
      ['reason', 42, 'a number'],
    ],
  ),
  {
    name: 'POST /api/transaction-certificates/:number/revoke: a number never issued',
    as: 'centre',
    req: {
      method: 'POST',
      url: '/api/transaction-certificates/JYZM-2026-999999/revoke',
      json: { reason: '投诉处理决定撤销中标结果' },
    },
    status: 404,
    code: 'TRANSACTION_CERTIFICATE_NOT_FOUND',
  },

  // The expert draw (C11, ADR 0019)
  ...bodyCases(
    'POST /api/expert-draws',
    'agency',
    () => ({ lotId: UNKNOWN_ID, specialties: ['A0201'], excludeRegions: ['六盘水市'] }),
    [
      ['lotId', REMOVE, 'missing'],
      ['lotId', 'lot-1', 'not a UUID'],
      ['members', 'five', 'a string'],
      ['members', 0, 'zero'],
      ['members', 5.5, 'not whole'],
      ['members', 26, 'over 25'],
      ['reserves', -1, 'negative'],
      ['purchaserRepresentatives', 11, 'over 10'],
      ['specialties', [], 'empty'],
      ['specialties.0', 'Z99', 'not a category code'],
      ['specialties', ['A0201', 'A0201'], 'repeated'],
      ['includeRegions', ['贵阳市', '贵阳市'], 'repeated'],
      ['excludeRegions.0', long(51), 'a region too long'],
      ['recentDrawDays', 3661, 'over ten years'],
      ['recentDrawDays', -1, 'negative'],
    ],
  ),
  whole('POST', '/api/expert-draws', 'agency', [{ lotId: UNKNOWN_ID }], 'an array'),
  {
    name: 'POST /api/expert-draws: a lot that does not exist',
    as: 'agency',
    req: { method: 'POST', url: '/api/expert-draws', json: { lotId: UNKNOWN_ID } },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/expert-draws/:id/draw: a draw that does not exist',
    as: 'agency',
    req: { method: 'POST', url: `/api/expert-draws/${UNKNOWN_ID}/draw` },
    status: 404,
    code: 'NOT_FOUND',
  },
  ...bodyCases(`POST /api/expert-draws/${UNKNOWN_ID}/supplementary`, 'agency', () => ({ reserves: 2 }), [
    ['reserves', -1, 'negative'],
    ['reserves', 'two', 'a string'],
  ]),
  {
    name: 'POST /api/expert-draws/:id/supplementary: a draw that does not exist',
    as: 'purchaser',
    req: { method: 'POST', url: `/api/expert-draws/${UNKNOWN_ID}/supplementary`, json: {} },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET /api/expert-draws/lots/:lotId: a lot that does not exist',
    as: 'supervisor',
    req: { method: 'GET', url: `/api/expert-draws/lots/${UNKNOWN_ID}` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'GET /api/expert-draws/:id/verification: a draw that does not exist',
    as: 'centre',
    req: { method: 'GET', url: `/api/expert-draws/${UNKNOWN_ID}/verification` },
    status: 404,
    code: 'NOT_FOUND',
  },
  ...bodyCases(`POST /api/expert-invitations/${UNKNOWN_ID}/decline`, 'expert', () => ({ reason: '另有安排' }), [
    ['reason', REMOVE, 'missing'],
    ['reason', '  ', 'blank'],
    ['reason', long(501), 'too long'],
    ['reason', 42, 'a number'],
  ]),
  {
    name: 'POST /api/expert-invitations/:id/confirm: an invitation that does not exist',
    as: 'expert',
    req: { method: 'POST', url: `/api/expert-invitations/${UNKNOWN_ID}/confirm` },
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'POST /api/expert-invitations/:id/decline: an invitation that does not exist',
    as: 'expert',
    req: { method: 'POST', url: `/api/expert-invitations/${UNKNOWN_ID}/decline`, json: { reason: '另有安排' } },
    status: 404,
    code: 'NOT_FOUND',
  },

  // The award and challenges (C13, C14): periods, ties and states are refused in award.test.ts / challenges.test.ts.
  ...bodyCases(`POST /api/lots/${UNKNOWN_ID}/award/confirm`, 'purchaser', () => ({}), [
    ['submissionId', 'bid-1', 'not a UUID'],
    ['tieBreakReason', long(1001), 'too long'],
    ['tieBreakReason', 7, 'a number'],
  ]),
  whole('POST', `/api/lots/${UNKNOWN_ID}/award/confirm`, 'purchaser', [UNKNOWN_ID], 'an array'),
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/award/extend`,
    'supervisor',
    () => ({ workingDays: 2, reason: '采购人负责人出差' }),
    [
      ['workingDays', REMOVE, 'missing'],
      ['workingDays', 0, 'zero'],
      ['workingDays', 11, 'over 10'],
      ['workingDays', 1.5, 'not whole'],
      ['reason', REMOVE, 'missing'],
      ['reason', ' 延 ', 'too short once trimmed'],
    ],
  ),
  ...bodyCases(`POST /api/lots/${UNKNOWN_ID}/award/suspend`, 'purchaser', () => ({ reason: '质疑处理期间暂停' }), [
    ['reason', REMOVE, 'missing'],
    ['reason', long(1001), 'too long'],
    ['reason', ['暂停'], 'an array'],
  ]),
  ...bodyCases(`POST /api/lots/${UNKNOWN_ID}/award/resume`, 'supervisor', () => ({ reason: '质疑已答复' }), [
    ['reason', '', 'empty'],
    ['reason', 3, 'a number'],
  ]),
  ...bodyCases(
    `POST /api/lots/${UNKNOWN_ID}/challenges`,
    'supplier',
    () => ({ grounds: '中标供应商的业绩证明材料与实际不符。' }),
    [
      ['grounds', REMOVE, 'missing'],
      ['grounds', '不服', 'too short'],
      ['grounds', long(10_001), 'too long'],
    ],
  ),
  ...bodyCases(
    `POST /api/challenges/${UNKNOWN_ID}/answer`,
    'agency',
    () => ({ answer: '经核实，质疑事项不成立，维持原结果。' }),
    [
      ['answer', REMOVE, 'missing'],
      ['answer', '          ', 'blank'],
      ['answer', null, 'null'],
    ],
  ),
  // The evaluation's reviews (C12, ADR 0021); a score out of its range is 422 (evaluation-review.test.ts)
  ...bodyCases(
    `PUT ${EVALUATION}/qualifications/${UNKNOWN_ID}`,
    'agency',
    () => ({ passed: false, reason: '营业执照已过有效期' }),
    REVIEW_VARIANTS,
  ),
  ...bodyCases(
    `PUT ${EVALUATION}/compliance/${UNKNOWN_ID}`,
    'expert',
    () => ({ passed: false, reason: '交货期不满足要求' }),
    REVIEW_VARIANTS,
  ),
  ...bodyCases(`PUT ${EVALUATION}/leader-vote`, 'expert', () => ({ candidateUserId: UNKNOWN_ID }), [
    ['candidateUserId', REMOVE, 'missing'],
    ['candidateUserId', 'seat-1', 'not a UUID'],
    ['candidateUserId', 1, 'a number'],
  ]),
  ...bodyCases(
    `PUT ${EVALUATION}/scores`,
    'expert',
    () => ({ scores: [{ submissionId: UNKNOWN_ID, criterionKey: 'technical', score: 45.5, reason: '方案完整' }] }),
    [
      ['scores', REMOVE, 'missing'],
      ['scores', [], 'empty'],
      ['scores', 'all', 'a string'],
      ['scores.0.score', '45', 'a string'],
      ['scores.0.score', REMOVE, 'missing'],
      ['scores.0.score', null, 'null'],
      ['scores.0.submissionId', 'bid-1', 'not a UUID'],
      ['scores.0.criterionKey', '', 'empty'],
      ['scores.0.criterionKey', long(65), 'too long'],
      ['scores.0.reason', long(1001), 'too long'],
      ['scores.0.reason', 7, 'a number'],
    ],
  ),
  whole(
    'PUT',
    `${EVALUATION}/scores`,
    'expert',
    [{ submissionId: UNKNOWN_ID, criterionKey: 'technical', score: 1 }],
    'an array',
  ),
  ...bodyCases(
    `POST ${EVALUATION}/scoring/reopen`,
    'expert',
    () => ({ expertUserId: UNKNOWN_ID, reason: '评分畸高，经评标委员会认定重新评分' }),
    [
      ['expertUserId', REMOVE, 'missing'],
      ['expertUserId', 'member-2', 'not a UUID'],
      ['reason', REMOVE, 'missing'],
      ['reason', '   ', 'blank'],
      ['reason', long(501), 'too long'],
    ],
  ),
  ...(
    [
      ['GET', 'award', 'purchaser', undefined],
      ['POST', 'award/confirm', 'purchaser', {}],
      ['POST', 'award/extend', 'supervisor', { workingDays: 2, reason: '采购人负责人出差' }],
      ['POST', 'award/publish', 'agency', undefined],
      ['POST', 'award/suspend', 'purchaser', { reason: '质疑处理期间暂停' }],
      ['POST', 'award/resume', 'supervisor', {}],
      ['GET', 'challenges', 'supplier', undefined],
      ['POST', 'challenges', 'supplier', { grounds: '中标供应商的业绩证明材料与实际不符。' }],
    ] as const
  ).map(([method, path, as, json]): Case => ({
    name: `${method} /api/lots/:lotId/${path}: a lot that does not exist`,
    as,
    req: { method, url: `/api/lots/${UNKNOWN_ID}/${path}`, ...(json ? { json } : {}) },
    status: 404,
    code: 'NOT_FOUND',
  })),
  {
    name: 'GET /api/lots/:lotId/award: not a UUID',
    as: 'purchaser',
    req: { method: 'GET', url: '/api/lots/lot-1/award' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['params.lotId'],
  },
  {
    name: 'POST /api/challenges/:id/answer: a challenge that does not exist',
    as: 'agency',
    req: { method: 'POST', url: `/api/challenges/${UNKNOWN_ID}/answer`, json: { answer: '经核实，质疑事项不成立。' } },
    status: 404,
    code: 'NOT_FOUND',
  },
  ...(
    [
      ['GET', '', 'supervisor', undefined],
      ['POST', '/start', 'agency', undefined],
      ['PUT', `/qualifications/${UNKNOWN_ID}`, 'agency', { passed: true }],
      ['POST', '/qualification/finish', 'purchaser', undefined],
      ['PUT', `/compliance/${UNKNOWN_ID}`, 'expert', { passed: true }],
      ['POST', '/compliance/submit', 'expert', undefined],
      ['PUT', '/leader-vote', 'expert', { candidateUserId: UNKNOWN_ID }],
      ['PUT', '/scores', 'expert', { scores: [{ submissionId: UNKNOWN_ID, criterionKey: 'technical', score: 99 }] }],
      ['POST', '/scoring/submit', 'expert', undefined],
      ['POST', '/scoring/reopen', 'expert', { expertUserId: UNKNOWN_ID, reason: '评分畸高，重新评分' }],
    ] as const
  ).map(([method, path, as, json]): Case => ({
    name: `${method} /api/lots/:lotId/evaluation${path}: a lot that does not exist`,
    as,
    req: { method, url: `${EVALUATION}${path}`, ...(json ? { json } : {}) },
    status: 404,
    code: 'NOT_FOUND',
  })),
];

/** Input that once answered 500 or fastify's own body (NUL, lone surrogates, malformed URLs); now ordinary cases. */
const UNSTORABLE_AND_MALFORMED: Case[] = [
  {
    name: 'POST /api/auth/login: login with a NUL character ',
    as: 'anonymous',
    req: { method: 'POST', url: '/api/auth/login', json: { login: 'a\u0000b', password: 'whatever1' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.login'],
  },
  {
    name: 'POST /api/registrations/suppliers: display name with a NUL character',
    as: 'anonymous',
    req: async () => ({
      method: 'POST',
      url: '/api/registrations/suppliers',
      json: variant(signUp(), 'user.displayName', '测\u0000试'),
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.user.displayName'],
  },
  {
    name: 'POST /api/tokens: name with a NUL character',
    as: 'supplier',
    req: { method: 'POST', url: '/api/tokens', json: { name: 'a\u0000b' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.name'],
  },
  {
    name: 'POST /api/tokens: name with a lone UTF-16 surrogate',
    as: 'supplier',
    req: {
      method: 'POST',
      url: '/api/tokens',
      raw: '{"name":"a\\ud800b"}',
      headers: { 'content-type': 'application/json' },
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['body.name'],
  },
  {
    name: 'GET /api/organisations/:id with malformed percent-encoding',
    as: 'centre',
    req: { method: 'GET', url: '/api/organisations/%E0%A4%A' },
    status: 400,
    code: 'BAD_URL',
  },
  {
    name: 'GET /api/organisations/:id with a 101-character id',
    as: 'centre',
    req: { method: 'GET', url: `/api/organisations/${long(101)}` },
    status: 400,
    code: 'BAD_URL',
  },
];

// ---------------------------------------------------------------------------------------------------------------

describe('bad input, route by route', () => {
  let t: TestApp;
  const sessions = new Map<Role, Promise<Session>>();
  const sessionOf = (role: Role): Promise<Session> => {
    let s = sessions.get(role);
    if (!s) {
      s = newUser(t, role).then((u) => logIn(t.app, u.login));
      sessions.set(role, s);
    }
    return s;
  };
  const send = async (as: Caller, req: Req): Promise<InjectOptions> =>
    as === 'anonymous' ? toInject(req) : withSession(toInject(req), await sessionOf(as));
  const run = async (c: Case) => {
    const req = typeof c.req === 'function' ? await c.req({ t, sessionOf }) : c.req;
    await refused(t, await send(c.as, req), c.status, c.code, c.fields);
  };

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  it.each(CASES)('$name → $status $code', run);
  it.each(UNSTORABLE_AND_MALFORMED)('$name → $status $code', run);

  it.each([
    [
      'POST /api/registrations/suppliers',
      'anonymous',
      'body.organisation.uscc',
      (uscc: string) => variant(signUp(), 'organisation.uscc', uscc),
    ],
    [
      'POST /api/admin/organisations',
      'admin',
      'body.uscc',
      (uscc: string) => ({ kind: 'supplier', name: '校验位测试公司', uscc }),
    ],
  ] as const)(
    '%s: a credit code with a wrong check character says which one is expected, in zh and en',
    async (route, as, field, body) => {
      const valid = freshUscc();
      const expected = valid.charAt(17);
      const wrong = valid.slice(0, 17) + (expected === '0' ? '1' : '0');
      const [method, url] = route.split(' ') as ['POST', string];
      const opts = await send(as, { method, url, json: body(wrong) });
      const res = await refused(t, opts, 400, 'VALIDATION_FAILED', [field]);
      const reason = errorSchema.parse(res.json()).error.fields?.find((f) => f.field === field)?.reason;
      expect(reason?.zh).toContain(`第 18 位应为“${expected}”`);
      expect(reason?.en).toContain(`character 18 should be "${expected}"`);
    },
  );

  it('every unsafe route answers malformed JSON with 400 BAD_JSON, an empty JSON body too', async () => {
    for (const r of apiRoutes(t).filter((r) => r.method !== 'GET')) {
      const role = admittedRole(r);
      for (const raw of ['{"login": "x",', '']) {
        const opts = toInject({
          method: r.method as Req['method'],
          url: fillParams(r.url, UNKNOWN_ID),
          raw,
          headers: { 'content-type': 'application/json' },
        });
        await refused(t, role ? withSession(opts, await sessionOf(role)) : opts, 400, 'BAD_JSON');
      }
    }
  });

  it('every unsafe route answers a content type it does not read with 415', async () => {
    for (const r of apiRoutes(t).filter((r) => r.method !== 'GET')) {
      const role = admittedRole(r);
      for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        // Uploads read multipart bodies (their own cases are in projects.test.ts and suppliers.test.ts).
        if (type.startsWith('multipart/') && MULTIPART_ROUTES.has(`${r.method} ${r.url}`)) continue;
        const opts = toInject({
          method: r.method as Req['method'],
          url: fillParams(r.url, UNKNOWN_ID),
          raw: '<a/>',
          headers: { 'content-type': type },
        });
        await refused(t, role ? withSession(opts, await sessionOf(role)) : opts, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    }
  });

  it('every unsafe route answers a body over 1 MiB (or its own raised limit) with 413 PAYLOAD_TOO_LARGE', async () => {
    for (const r of apiRoutes(t).filter((r) => r.method !== 'GET')) {
      const role = admittedRole(r);
      const opts = toInject({
        method: r.method as Req['method'],
        url: fillParams(r.url, UNKNOWN_ID),
        raw: JSON.stringify({ name: long(r.bodyLimit ?? 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      await refused(t, role ? withSession(opts, await sessionOf(role)) : opts, 413, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('every route with an id in its path answers a non-UUID id with 400 naming the parameter', async () => {
    const withId = apiRoutes(t).filter((r) => paramNames(r.url).length > 0);
    expect(withId.length).toBeGreaterThan(0);
    for (const r of withId) {
      const role = admittedRole(r);
      for (const id of ['not-a-uuid', '12345', '7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a9', "1' or '1'='1"]) {
        const opts = toInject({ method: r.method as Req['method'], url: fillParams(r.url, encodeURIComponent(id)) });
        await refused(
          t,
          role ? withSession(opts, await sessionOf(role)) : opts,
          400,
          'VALIDATION_FAILED',
          paramNames(r.url),
        );
      }
    }
  });
});

/** Public GETs that need a query: an example query and what an anonymous caller gets for it. */
const PUBLIC_GET_EXAMPLES: Record<string, { query: string; status: number }> = {
  '/api/certificates/status': { query: '?serial=ab', status: 404 },
};

describe('bad credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  /** Every non-public route refuses the credentials, and every public GET serves the caller as anonymous. */
  async function everywhere(credentials: () => Promise<Pick<InjectOptions, 'cookies' | 'headers'>>, code: string) {
    const creds = await credentials();
    for (const r of apiRoutes(t)) {
      const url = fillParams(r.url, UNKNOWN_ID);
      const opts: InjectOptions = { method: r.method, url, remoteAddress: nextAddress(), ...creds };
      const example = PUBLIC_GET_EXAMPLES[r.url];
      if (!('public' in r.access)) await refused(t, opts, 401, code);
      else if (r.method === 'GET' && example)
        expect((await t.app.inject({ ...opts, url: `${r.url}${example.query}` })).statusCode, r.url).toBe(
          example.status,
        );
      else if (r.method === 'GET' && r.url !== '/api/live')
        // Served as anonymous: a list answers 200; one unknown resource (`:id` filled with an unknown id) 404.
        expect((await t.app.inject(opts)).statusCode, r.url).toBe(r.url.includes('/:') ? 404 : 200);
    }
  }
  const bearer = (token: string) => async () => ({ headers: { authorization: `Bearer ${token}` } });

  it('a garbage session cookie → 401 SESSION_EXPIRED', () =>
    everywhere(async () => ({ cookies: { zc_session: 'garbage' } }), 'SESSION_EXPIRED'));
  it('the cookie of a logged-out session → 401 SESSION_EXPIRED', () =>
    everywhere(async () => {
      const session = await logIn(t.app, (await newUser(t, 'supplier')).login);
      expect((await session.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      return { cookies: { zc_session: session.cookie } };
    }, 'SESSION_EXPIRED'));
  it('a garbage bearer token with our prefix → 401 INVALID_TOKEN', () =>
    everywhere(bearer(`${API_TOKEN_PREFIX}garbage`), 'INVALID_TOKEN'));
  it('a bearer token in a foreign format → 401 INVALID_TOKEN', () =>
    everywhere(bearer('eyJhbGciOiJub25lIn0.e30.'), 'INVALID_TOKEN'));
  it('another authorisation scheme → 401 INVALID_TOKEN', () =>
    everywhere(async () => ({ headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 'INVALID_TOKEN'));
  it('a revoked token → 401 INVALID_TOKEN', () =>
    everywhere(
      async () => bearer((await issueToken(t, (await newUser(t, 'admin')).id, { revokedAt: t.clock.now() })).token)(),
      'INVALID_TOKEN',
    ));
  it('an expired token → 401 INVALID_TOKEN', () =>
    everywhere(
      async () => bearer((await issueToken(t, (await newUser(t, 'admin')).id, { expiresAt: t.clock.now() })).token)(),
      'INVALID_TOKEN',
    ));
  it('the token of a disabled account → 401 INVALID_TOKEN', () =>
    everywhere(async () => {
      const user = await newUser(t, 'admin');
      const { token } = await issueToken(t, user.id);
      await t.services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
      return bearer(token)();
    }, 'INVALID_TOKEN'));
});

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());
  const minutes = (n: number) => t.clock.advance(n * 60_000);

  it('a session idle for 120 minutes is refused with 401 SESSION_EXPIRED on every protected route', async () => {
    const session = await logIn(t.app, (await newUser(t, 'admin')).login);
    minutes(120);
    for (const r of apiRoutes(t).filter((r) => !('public' in r.access))) {
      await refused(
        t,
        withSession(toInject({ method: r.method as Req['method'], url: fillParams(r.url, UNKNOWN_ID) }), session),
        401,
        'SESSION_EXPIRED',
      );
    }
  });

  it('activity keeps a session alive (idle window slides), up to the 12-hour maximum', async () => {
    const session = await logIn(t.app, (await newUser(t, 'supplier')).login);
    for (let elapsed = 119; elapsed < 720; elapsed += 119) {
      minutes(119);
      expect((await session.inject({ method: 'GET', url: '/api/me' })).statusCode, `after ${elapsed} minutes`).toBe(
        200,
      );
    }
    minutes(720 - 714);
    await refused(t, withSession(toInject({ method: 'GET', url: '/api/me' }), session), 401, 'SESSION_EXPIRED');
  });
});

describe('login lock-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());
  const attempt = (login: string, password: string) =>
    toInject({ method: 'POST', url: '/api/auth/login', json: { login, password } });

  it('5 wrong passwords lock the account for 15 minutes, even against the right password; then it works', async () => {
    const { login } = await newUser(t, 'supplier');
    for (let i = 1; i <= 4; i++)
      expectError(await t.app.inject(attempt(login, `wrong-${i}-password`)), 401, 'INVALID_CREDENTIALS');
    const lockedAt = t.clock.now();
    const res = await t.app.inject(attempt(login, 'wrong-5-password'));
    expectError(res, 423, 'ACCOUNT_LOCKED');
    const until = new Date(lockedAt.getTime() + 15 * 60_000).toISOString();
    const { message } = errorSchema.parse(res.json()).error;
    expect(message.zh).toContain(until);
    expect(message.en).toContain(until);

    // While locked, neither the right password nor more wrong ones change anything (the lock is not extended).
    await refused(t, attempt(login, TEST_PASSWORD), 423, 'ACCOUNT_LOCKED');
    await refused(t, attempt(login, 'wrong-6-password'), 423, 'ACCOUNT_LOCKED');
    // One second before the end (refused() moves the clock on by a second before it asks).
    t.clock.set(new Date(Date.parse(until) - 2_000));
    await refused(t, attempt(login, TEST_PASSWORD), 423, 'ACCOUNT_LOCKED');
    t.clock.set(until);
    expect((await t.app.inject(attempt(login, TEST_PASSWORD))).statusCode).toBe(200);

    // A success resets the count: four more failures do not lock.
    for (let i = 1; i <= 4; i++)
      expectError(await t.app.inject(attempt(login, `again-${i}-password`)), 401, 'INVALID_CREDENTIALS');
    expect((await t.app.inject(attempt(login, TEST_PASSWORD))).statusCode).toBe(200);
  });

  it('an administrator can lift the lock before it expires', async () => {
    const user = await newUser(t, 'supplier');
    for (let i = 1; i <= 5; i++) await t.app.inject(attempt(user.login, `wrong-${i}-password`));
    expectError(await t.app.inject(attempt(user.login, TEST_PASSWORD)), 423, 'ACCOUNT_LOCKED');
    const admin = await logIn(t.app, (await newUser(t, 'admin')).login);
    expect((await admin.inject({ method: 'POST', url: `/api/admin/users/${user.id}/unlock` })).statusCode).toBe(204);
    expect((await t.app.inject(attempt(user.login, TEST_PASSWORD))).statusCode).toBe(200);
  });
});

describe('rate limiting of log-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('the 4th attempt in a minute from one address gets 429 RATE_LIMITED with Retry-After; other addresses go on', async () => {
    const attempt = (remoteAddress: string): InjectOptions => ({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { login: 'nobody-here', password: 'whatever1' },
    });
    for (let i = 0; i < 3; i++) expectError(await t.app.inject(attempt('10.9.9.9')), 401, 'INVALID_CREDENTIALS');
    const before = await takeSnapshot(t.services.db);
    const res = await t.app.inject(attempt('10.9.9.9'));
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
    expectError(await t.app.inject(attempt('10.9.9.10')), 401, 'INVALID_CREDENTIALS');
  });
});
