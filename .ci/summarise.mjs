// Reads the vitest JSON reports of both CI passes, prints one line per suite, and fails if any suite ran no test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const empty = [];
for (const pass of readdirSync(root)) {
  for (const file of readdirSync(join(root, pass))) {
    const report = JSON.parse(readFileSync(join(root, pass, file), 'utf8'));
    const suite = `${pass}/${file.replace(/\.json$/, '')}`;
    console.log(
      `${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
    );
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests;
    if (report.numPassedTests === 0) empty.push(suite);
  }
}
const expected = ['embedded/unit.json', 'embedded/e2e.json', 'postgres/unit.json', 'postgres/e2e.json'];
for (const e of expected) {
  const [pass, file] = e.split('/');
  try {
    readdirSync(join(root, pass)).includes(file) || empty.push(`${pass}/${file.replace(/\.json$/, '')} (no report)`);
  } catch {
    empty.push(`${pass} (no reports)`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (empty.length) {
  console.error(`suites that ran no test: ${empty.join(', ')}`);
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
