import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisations, users } from '../../db/schema';

export async function listUsers(
  db: Executor,
  filter: { role?: (typeof users.$inferSelect)['role'] | undefined },
  page: { limit: number; offset: number },
) {
  const where = filter.role ? eq(users.role, filter.role) : undefined;
  const rows = await db
    .select({ user: users, organisation: { id: organisations.id, name: organisations.name } })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(asc(users.role), asc(users.login))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: total?.n ?? 0 };
}
