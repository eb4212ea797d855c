import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { openDatabase } from '../../src/db/client';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate';

/**
 * One migrated database per test run, copied for each test file instead of running every migration again (seconds a
 * file on PGlite): a dump of a migrated PGlite cluster, which each file loads into memory, or a PostgreSQL template
 * database (`CREATE DATABASE … TEMPLATE`). The unit suite's global setup (test/global-setup.ts) makes it and
 * createTestDatabase finds it through vitest's provide/inject; without one (the end-to-end suite's in-process
 * server) each database is migrated from nothing, as before.
 */
export interface TemplateDatabases {
  /** Path of the PGlite dump (a tar file). */
  pglite: string | null;
  /** Name of the PostgreSQL template database on TEST_DATABASE_URL's server. */
  postgres: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabases: TemplateDatabases;
  }
}

/** Makes the template for the database the run uses (`serverUrl`: PostgreSQL; null: PGlite) and how to remove it. */
export async function makeTemplateDatabase(
  serverUrl: string | null,
): Promise<{ template: TemplateDatabases; remove: () => Promise<void> }> {
  if (!serverUrl) {
    const client = new PGlite();
    await migrate(drizzle({ client }), { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    await client.close();
    const path = join(tmpdir(), `zc-pglite-template-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return { template: { pglite: path, postgres: null }, remove: async () => rmSync(path, { force: true }) };
  }
  const name = `zc_template_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Two connections: the migration lock holds one while the migrations run on the other.
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
  await migrateDatabase(database);
  // CREATE DATABASE … TEMPLATE needs nobody connected to the template.
  await database.close();
  return {
    template: { pglite: null, postgres: name },
    remove: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
