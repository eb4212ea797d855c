import type { FastifyRequest } from 'fastify';

/**
 * The web origin a request comes from: the browser's Origin header (sent on every POST), else the scheme and host
 * the server was reached at. A login challenge is bound to the origin it was issued for (packages/seal challenge.ts)
 * and is only redeemed from that same origin.
 */
export function requestOrigin(request: FastifyRequest): string {
  const header = request.headers.origin;
  if (typeof header === 'string') {
    try {
      const origin = new URL(header).origin;
      if (origin !== 'null' && origin === header) return origin;
    } catch {
      // fall through to the host
    }
  }
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return 'http://localhost';
  }
}
