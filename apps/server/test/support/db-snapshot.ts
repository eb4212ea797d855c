import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../src/db/client';

/**
 * What a refused request must leave untouched: the row count of every table, the ledger head (size and chain hash),
 * the latest `updated_at` of organisations and users, and a digest of the content of every table but the event log
 * (which is append-only by trigger and hash-chained, so its count and head cover it).
 *
 * The digests leave out two columns that record a visit rather than a change: `sessions.last_seen_at` and
 * `api_tokens.last_used_at` are refreshed while the caller is authenticated, before any refusal, by design
 * (platform/auth/resolve-viewer.ts).
 *
 * Tests that compare snapshots should advance the ManualClock between creating their data and the request, so a
 * stray update would carry a later `updated_at` than anything before it.
 */
export interface DbSnapshot {
  rowCounts: Record<string, number>;
  ledgerHead: { size: number; chainHash: string };
  organisationsUpdatedAt: string | null;
  usersUpdatedAt: string | null;
  digests: Record<string, string>;
}

const VISIT_COLUMNS = ['last_seen_at', 'last_used_at'] as const;
/** Covered by its count and the ledger head; digesting it would grow with every test. */
const NOT_DIGESTED = new Set(['events']);

const tableRows = z.array(z.object({ table_name: z.string() }));
const countRows = z.array(z.object({ name: z.string(), n: z.coerce.number(), digest: z.string().nullable() }));
const headRows = z.array(
  z.object({
    size: z.coerce.number(),
    chain_hash: z.string(),
    organisations_updated_at: z.string().nullable(),
    users_updated_at: z.string().nullable(),
  }),
);

/** Both drivers answer `execute` with `{ rows }` (the shared Db type leaves the result unknown). */
async function rowsOf(query: Promise<unknown>): Promise<unknown> {
  const result = await query;
  return typeof result === 'object' && result !== null && 'rows' in result ? result.rows : undefined;
}

async function tableNames(db: Db): Promise<string[]> {
  const rows = await rowsOf(
    db.execute(sql`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name`),
  );
  return tableRows.parse(rows).map((r) => r.table_name);
}

export async function takeSnapshot(db: Db): Promise<DbSnapshot> {
  const names = await tableNames(db);
  if (names.length === 0) throw new Error('no tables found: is the database migrated?');
  const withoutVisits = sql.raw(`(to_jsonb(t) ${VISIT_COLUMNS.map((c) => `- '${c}'`).join(' ')})::text`);
  const perTable = names.map((name) => {
    const digest = NOT_DIGESTED.has(name)
      ? sql`null::text`
      : sql`md5(coalesce(string_agg(${withoutVisits}, E'\n' order by ${withoutVisits}), ''))`;
    return sql`select ${name}::text as name, count(*)::int as n, ${digest} as digest from ${sql.identifier(name)} t`;
  });
  const counted = countRows.parse(await rowsOf(db.execute(sql.join(perTable, sql` union all `))));
  const [head] = headRows.parse(
    await rowsOf(
      db.execute(sql`
        select h.size::text as size, h.chain_hash,
          (select max(updated_at)::text from organisations) as organisations_updated_at,
          (select max(updated_at)::text from users) as users_updated_at
        from ledger_head h where h.id = 1`),
    ),
  );
  if (!head) throw new Error('ledger_head row missing');
  return {
    rowCounts: Object.fromEntries(counted.map((r) => [r.name, r.n])),
    ledgerHead: { size: head.size, chainHash: head.chain_hash },
    organisationsUpdatedAt: head.organisations_updated_at,
    usersUpdatedAt: head.users_updated_at,
    digests: Object.fromEntries(counted.filter((r) => r.digest !== null).map((r) => [r.name, r.digest ?? ''])),
  };
}
