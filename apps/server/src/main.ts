import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedDemoCity } from './seed/demo-city';
import { seedDemoTenders } from './seed/demo-tenders';
import { printDemoLogins } from './seed/print-logins';

/** Reads config, opens and migrates the database, seeds the demo city once, listens; stops gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const { app, services } = await buildApp({ config, database });
  if (config.seedDemo) {
    const seeded = await seedDemoCity(services);
    await seedDemoTenders(services);
    printDemoLogins(seeded);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing the ones in flight');
    const force = setTimeout(() => {
      app.log.error('graceful shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ database: database.kind, instance: config.instanceId }, 'Zhengcai is listening');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
