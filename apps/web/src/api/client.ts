import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The CSRF token of the current session (from login or /api/me); sent on every unsafe request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD'].includes(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** The typed API client: paths, bodies and responses come from the server's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'include' });
api.use(csrf);
