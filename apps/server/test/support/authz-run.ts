import type { Role } from '@zhengcai/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import type { Access } from '../../src/platform/http/access';
import { errorSchema } from '../../src/platform/http/responses';
import {
  CALLERS,
  DEFAULT_CODES,
  issueToken,
  newUser,
  type Caller,
  type Me,
  type Request,
  type Row,
} from './authz-rows';
import { takeSnapshot } from './db-snapshot';
import { logIn, type TestApp } from './test-app';

/**
 * Running one case of the authorisation matrix (authz-rows.ts): a fresh caller, the row's request, the expected
 * status, and for a refused call the documented error body and no write at all (db-snapshot.ts).
 */
export const IGNORED_ROUTE = (r: { method: string; url: string }) =>
  r.method === 'HEAD' || r.url === '/*' || r.url.startsWith('/api/docs');
export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Mode = 'session' | 'token';

interface Credentials {
  me: Me | null;
  /** The request with the caller's credentials: cookie + CSRF header, or a bearer token, or nothing. */
  send: (req: Request, opts?: { csrf?: string | false }) => InjectOptions;
}

export async function callerFor(t: TestApp, caller: Caller, mode: Mode): Promise<Credentials> {
  const base = (req: Request): InjectOptions => ({
    method: req.method,
    url: req.url,
    ...(req.payload ? { payload: req.payload } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
  });
  if (caller === 'anonymous') return { me: null, send: base };
  const user = await newUser(t, caller);
  const me: Me = { role: caller, userId: user.id, login: user.login, organisationId: user.organisationId };
  if (mode === 'token') {
    const { token } = await issueToken(t, user.id);
    return { me, send: (req) => ({ ...base(req), headers: { ...req.headers, authorization: `Bearer ${token}` } }) };
  }
  const session = await logIn(t.app, user.login);
  return {
    me,
    send: (req, opts = {}) => {
      const csrf = opts.csrf === undefined ? session.csrfToken : opts.csrf;
      return {
        ...base(req),
        cookies: { zc_session: session.cookie },
        headers: { ...req.headers, ...(csrf === false ? {} : { 'x-csrf-token': csrf }) },
      };
    },
  };
}

/** The documented error body (platform/http/responses.ts) with the code and a message in both languages. */
export function expectErrorBody(res: LightMyRequestResponse, code: string): void {
  const { error } = errorSchema.parse(res.json());
  expect(error.code, res.body).toBe(code);
  expect(error.message.zh.length, res.body).toBeGreaterThan(0);
  expect(error.message.en.length, res.body).toBeGreaterThan(0);
  expect(error.requestId).toBe(res.headers['x-request-id']);
}

/** Opens the SSE stream, reads the first frame and hangs up (the stream itself never ends). */
async function openStream(
  t: TestApp,
  opts: InjectOptions,
): Promise<{ status: number; contentType: string; first: string }> {
  const res = await t.app.inject({ ...opts, payloadAsStream: true });
  const stream = res.stream();
  const first = await new Promise<string>((resolve, reject) => {
    stream.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')));
    stream.once('error', reject);
  });
  res.raw.res.destroy();
  // The hub forgets the client once the connection closes: nothing leaks per viewer.
  await vi.waitFor(() => expect(t.services.live.size).toBe(0));
  return { status: res.statusCode, contentType: String(res.headers['content-type']), first };
}

export async function runCase(t: TestApp, row: Row, caller: Caller, mode: Mode): Promise<void> {
  const { me, send } = await callerFor(t, caller, mode);
  const req = await row.build(t, me);
  const expected = row.expect[CALLERS.indexOf(caller)];
  // Any update made by the call now carries a later updated_at than everything before it.
  t.clock.advance(1_000);

  if (row.stream) {
    const res = await openStream(t, send(req));
    expect(res.status).toBe(expected);
    expect(res.contentType).toMatch(/^text\/event-stream/);
    expect(res.first).toMatch(/^retry: \d+/);
    return;
  }

  const refused = expected === undefined || expected >= 400;
  const before = refused ? await takeSnapshot(t.services.db) : null;
  const res = await t.app.inject(send(req));
  expect(res.statusCode, `${row.route} [${row.resource}] as ${caller}: ${res.body}`).toBe(expected);
  if (before) {
    expectErrorBody(res, row.codes?.[res.statusCode] ?? DEFAULT_CODES[res.statusCode] ?? '?');
    expect(await takeSnapshot(t.services.db), 'a refused call changed the database').toEqual(before);
  } else {
    req.check?.(res);
  }
}

export const accessOf = (t: TestApp, route: string): Access => {
  const entry = t.routes.find((r) => `${r.method} ${r.url}` === route);
  if (!entry) throw new Error(`no route ${route}`);
  return entry.access;
};
export const mayPass = (access: Access, role: Role) =>
  !('public' in access) && (access.roles === 'any' || access.roles.includes(role));

// ---------------------------------------------------------------------------------------------------------------
