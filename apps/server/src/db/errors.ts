/**
 * The name of the unique constraint a failed statement violated (SQLSTATE 23505), or null. Works for node-postgres
 * and PGlite errors, directly or wrapped by drizzle as `cause`.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === '23505') return typeof candidate.constraint === 'string' ? candidate.constraint : '';
    e = candidate.cause;
  }
  return null;
}
