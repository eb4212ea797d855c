import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: request ids on every line, and no secrets — cookies, authorisation headers, CSRF tokens and any
 * field named like a password, token or key are removed before a line is written.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*.sessionToken',
        '*.privateKey',
        '*.contentKey',
      ],
      censor: '[redacted]',
    },
    ...(stream ? { stream } : {}),
  };
}

export type { FastifyBaseLogger as Logger } from 'fastify';
