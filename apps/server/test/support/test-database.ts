import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { adminQuery, type TemplateDatabases } from './template-database';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with TEST_DATABASE_URL a new
 * PostgreSQL database created on that server (and dropped at the end), so test files never share data. Both start
 * as a copy of the run's migrated template when there is one (support/template-database.ts).
 */
export interface TestDatabase {
  database: Database;
  /** Connection string of the PostgreSQL database, for tests that start a second instance on it. */
  url: string | null;
  drop(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || null;

/** The run's templates (the unit suite's global setup provides them; elsewhere there are none). */
function templates(): TemplateDatabases {
  return inject('templateDatabases') ?? { pglite: null, postgres: null };
}

let pgliteTemplate: Blob | null = null;

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templates();
  if (!testDatabaseUrl) {
    if (template.pglite && !pgliteTemplate) pgliteTemplate = new Blob([readFileSync(template.pglite)]);
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      ...(pgliteTemplate ? { loadDataDir: pgliteTemplate } : {}),
    });
    if (!pgliteTemplate) await migrateDatabase(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `zc_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(
    testDatabaseUrl,
    `CREATE DATABASE ${name}${template.postgres ? ` TEMPLATE ${template.postgres}` : ''}`,
  );
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  if (!template.postgres) await migrateDatabase(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      await adminQuery(testDatabaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
