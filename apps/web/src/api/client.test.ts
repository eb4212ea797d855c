// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

const { sent } = vi.hoisted(() => {
  const sent: Request[] = [];
  // openapi-fetch takes globalThis.fetch when the client is created, so the stub must exist before the import.
  globalThis.fetch = (input: RequestInfo | URL) => {
    const request = input as Request;
    sent.push(request);
    const status = new URL(request.url).pathname === '/api/tokens' ? 401 : 200;
    return Promise.resolve(
      new Response(JSON.stringify(status === 200 ? { items: [] } : { error: { code: 'SESSION_EXPIRED' } }), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { sent };
});

import { api, setCsrfToken, setSessionLostHandler } from './client';

afterEach(() => {
  sent.length = 0;
  setCsrfToken(null);
  setSessionLostHandler(null);
});

describe('the API client', () => {
  it('sends the CSRF token on unsafe requests only, and sends cookies', async () => {
    setCsrfToken('csrf-123');
    await api.GET('/api/organisations', { params: { query: { status: 'pending' } } });
    await api.POST('/api/organisations/{id}/approve', { params: { path: { id: 'o1' } }, body: {} });
    await api.DELETE('/api/tokens/{id}', { params: { path: { id: 't1' } } });
    expect(sent.map((r) => [r.method, r.headers.get('x-csrf-token')])).toEqual([
      ['GET', null],
      ['POST', 'csrf-123'],
      ['DELETE', 'csrf-123'],
    ]);
    expect(sent.every((r) => r.credentials === 'include')).toBe(true);
  });

  it('reports a lost session once logged in, but not a failed login or a visitor', async () => {
    const lost = vi.fn();
    setSessionLostHandler(lost);
    await api.GET('/api/tokens');
    expect(lost).not.toHaveBeenCalled(); // a visitor without a session
    setCsrfToken('csrf-123');
    await api.GET('/api/tokens');
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
