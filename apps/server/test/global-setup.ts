import type { TestProject } from 'vitest/node';
import { makeTemplateDatabase } from './support/template-database';

/** Once per unit run: the migrated template every test file's database is copied from (support/template-database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { template, remove } = await makeTemplateDatabase(process.env.TEST_DATABASE_URL || null);
  project.provide('templateDatabases', template);
  return remove;
}
