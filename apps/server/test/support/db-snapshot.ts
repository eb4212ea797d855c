import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../src/db/client';

/**
 * What a refused request must leave untouched: every row written, per table. `takeSnapshot` counts the rows each
 * table has had inserted, updated or deleted (and each truncation) since the database was made; two snapshots
 * around a request are equal exactly when the request committed no write, so it also catches an update that put
 * back the same value and a write undone later in the same request. A write rolled back with its transaction is no
 * write, and is not counted.
 *
 * How: the first snapshot of a database installs, on every table, a row trigger that appends the table's name to
 * `zc_test_write_log`; each snapshot moves the log's committed rows into per-table totals (`zc_test_write_totals`)
 * and reads the totals. App transactions only append to the log, so the triggers add no lock between them, and a
 * snapshot costs what was written since the last one, not the size of the database (an earlier digest of every
 * table made the authorisation matrix quadratic).
 *
 * Two columns record a visit rather than a change and are not counted: `sessions.last_seen_at` and
 * `api_tokens.last_used_at` are refreshed while the caller is authenticated, before any refusal, by design
 * (platform/auth/resolve-viewer.ts). Updating any other column of those tables counts.
 *
 * Test only: the triggers exist in test databases, never in a migration.
 */
export interface DbSnapshot {
  /** Rows written per table since the database was made (only tables written at least once). */
  writes: Record<string, number>;
}

const VISIT_COLUMNS: Record<string, readonly string[]> = {
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
};
const LOG = 'zc_test_write_log';
const TOTALS = 'zc_test_write_totals';

const tableRows = z.array(z.object({ table_name: z.string() }));
const columnRows = z.array(z.object({ column_name: z.string() }));
const totalRows = z.array(z.object({ table_name: z.string(), n: z.coerce.number() }));

/** Both drivers answer `execute` with `{ rows }` (the shared Db type leaves the result unknown). */
async function rowsOf(query: Promise<unknown>): Promise<unknown> {
  const result = await query;
  return typeof result === 'object' && result !== null && 'rows' in result ? result.rows : undefined;
}

const installed = new WeakMap<Db, Promise<void>>();

async function install(db: Db): Promise<void> {
  const names = tableRows
    .parse(
      await rowsOf(
        db.execute(sql`
          select table_name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
          order by table_name`),
      ),
    )
    .map((r) => r.table_name)
    .filter((name) => name !== LOG && name !== TOTALS);
  if (names.length === 0) throw new Error('no tables found: is the database migrated?');
  await db.execute(sql.raw(`create table if not exists ${LOG} (table_name text not null)`));
  await db.execute(sql.raw(`create table if not exists ${TOTALS} (table_name text primary key, n bigint not null)`));
  await db.execute(
    sql.raw(`create or replace function zc_test_log_write() returns trigger language plpgsql as $$
      begin
        insert into ${LOG} (table_name) values (TG_TABLE_NAME);
        return null;
      end $$`),
  );
  for (const name of names) {
    let update = 'update';
    const skipped = VISIT_COLUMNS[name];
    if (skipped) {
      const columns = columnRows
        .parse(
          await rowsOf(
            db.execute(sql`
              select column_name from information_schema.columns
              where table_schema = current_schema() and table_name = ${name}
              order by ordinal_position`),
          ),
        )
        .map((c) => c.column_name)
        .filter((c) => !skipped.includes(c));
      update = `update of ${columns.map((c) => `"${c}"`).join(', ')}`;
    }
    await db.execute(
      sql.raw(`create or replace trigger zc_test_log_rows after insert or delete or ${update} on "${name}"
        for each row execute function zc_test_log_write()`),
    );
    await db.execute(
      sql.raw(`create or replace trigger zc_test_log_truncate after truncate on "${name}"
        for each statement execute function zc_test_log_write()`),
    );
  }
}

export async function takeSnapshot(db: Db): Promise<DbSnapshot> {
  let ready = installed.get(db);
  if (!ready) {
    ready = install(db);
    installed.set(db, ready);
  }
  await ready;
  // Only committed log rows are visible to the delete; a transaction still open is counted by a later snapshot.
  const totals = totalRows.parse(
    await rowsOf(
      db.execute(
        sql.raw(`with moved as (delete from ${LOG} returning table_name),
          counted as (select table_name, count(*) as n from moved group by table_name),
          merged as (
            insert into ${TOTALS} (table_name, n) select table_name, n from counted
            on conflict (table_name) do update set n = ${TOTALS}.n + excluded.n
            returning table_name, n
          )
        select t.table_name, t.n from ${TOTALS} t where t.table_name not in (select table_name from merged)
        union all select table_name, n from merged
        order by table_name`),
      ),
    ),
  );
  return { writes: Object.fromEntries(totals.map((r) => [r.table_name, r.n])) };
}
