import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The CSRF token of the current session (from login or /api/me); sent on every unsafe request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** For requests made without the typed client (multipart uploads with fetch). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}
/** For requests made outside this client (tus uploads). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request made with a session gets 401: the session ended (idle timeout, password changed elsewhere). */
let onSessionLost: (() => void) | null = null;
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/** Requests whose 401 is an answer, not a lost session. */
const OWN_401 = ['/api/me', '/api/auth/login', '/api/auth/password', '/api/auth/certificate/login'];

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD'].includes(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && csrfToken && !OWN_401.includes(new URL(request.url).pathname)) onSessionLost?.();
    return response;
  },
};

/** The typed API client: paths, bodies and responses come from the server's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'include' });
api.use(session);
