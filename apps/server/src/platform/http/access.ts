import type { Role } from '@zhengcai/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../../db/client';
import { AppError } from '../errors/app-error';
import { resolveViewer, type SessionPolicy } from '../auth/resolve-viewer';
import { SESSION_COOKIE, safeEqual } from '../auth/secrets';
import { anonymous, type Viewer } from '../policy/actor';

/**
 * The first gate of every request (deny by default): each route declares who may call it at all. `public` routes
 * take anyone; `{ roles: 'any' }` any logged-in user; `{ roles: [...] }` those roles only (others get 403). Whether
 * the caller may see the particular resource (404) and may act on it in its state (403/409) is decided afterwards
 * by the module's policy functions.
 */
export type Access = { public: true } | { roles: 'any' | readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    viewer: Viewer;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** A body limit the route raises above the app's (1 MiB), e.g. for attachments. */
  bodyLimit?: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('INVALID_TOKEN');
  return match[1];
}

/** Registers the access hook and returns the table of every route with its access (used by the auth matrix test). */
export function registerAccessControl(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; session: SessionPolicy },
): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.decorateRequest('viewer', { getter: () => anonymous });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    // Routes registered by plugins we do not own: the API documentation and the static web app are public.
    if (!access && (route.url.startsWith('/api/docs') || !route.url.startsWith('/api'))) access = { public: true };
    if (!access) throw new Error(`route ${methods.join(',')} ${route.url} declares no access: deny by default`);
    route.config = { ...route.config, access };
    const bodyLimit = route.bodyLimit ? { bodyLimit: route.bodyLimit } : {};
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, access, ...bodyLimit });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // not-found handler
    const cookie = request.cookies[SESSION_COOKIE] ?? null;
    let viewer: Viewer;
    try {
      viewer = await resolveViewer(deps.db, deps.clock, deps.session, { bearer: bearerOf(request), cookie });
    } catch (error) {
      // On a public route bad credentials just make an anonymous visit (an expired cookie on the portal, the
      // metrics scraper's own bearer token); everywhere else they are an error the client must see.
      if ('public' in access && error instanceof AppError) viewer = anonymous;
      else throw error;
    }
    Object.defineProperty(request, 'viewer', { value: viewer, writable: false, configurable: true });
    if ('public' in access) return;
    if (viewer.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    if (access.roles !== 'any' && !access.roles.includes(viewer.role)) throw new AppError('FORBIDDEN');
    if (viewer.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !viewer.csrfToken || !safeEqual(sent, viewer.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }
  });
  return routes;
}
