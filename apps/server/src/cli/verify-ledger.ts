import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { verifyLedger } from '../platform/events/verify-ledger';

/**
 * `npm run verify-ledger`: recomputes every hash of the event log in the configured database (DATABASE_URL, or the
 * embedded one in DATA_DIR — stop the server first, PGlite has one owner) and exits 1 if anything was tampered with.
 * `--json` prints the report as JSON.
 */
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const report = await verifyLedger(database.db);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(
      `事件数 / events: ${report.size}, 已核验 / checked: ${report.checked}, 链头 / head: ${report.head.hash}`,
    );
    for (const p of report.problems) console.log(`  ✗ #${p.seq} ${p.kind}: ${p.detail}`);
    console.log(
      report.ok
        ? '✓ 存证链完整 / the ledger is intact'
        : `✗ 发现 ${report.problems.length} 处问题 / ${report.problems.length} problems found`,
    );
  }
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
