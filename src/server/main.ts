import { buildApp, createLogger } from './app';
import { bootstrap, printBootstrap } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { startHousekeeping } from './jobs/housekeeping';
import { createServices } from './services';
import { systemClock } from './lib/clock';

const USAGE = `Usage: tsx src/server/main.ts <command>
  serve      migrate, create the admin (and demo data) on an empty database, serve on PORT
  migrate    apply the committed migrations and exit
  seed:demo  add the demo dealer group to an empty database and exit`;

async function main(command: string | undefined) {
  const config = loadConfig();
  const log = createLogger(config);
  // Every handler of outside input contains its own errors; a rejection that still slips through is a
  // bug to find in the log, not a reason to drop every call, lead and open screen of this process.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const database = await openDatabase(config.database);
  log.info({ engine: database.engine }, 'database opened');
  await runMigrations(database);

  if (command === 'migrate') {
    log.info('migrations applied');
    await database.close();
    return;
  }
  if (command === 'seed:demo') {
    const services = createServices({ config, database, db: database.db, clock: systemClock, log });
    const result = await bootstrap({ ...config, demo: true }, database, services);
    if (!result.seededDemo) log.warn('the database has users already; demo data is only added to an empty database');
    await result.seedDemoData?.();
    printBootstrap(result, `http://localhost:${config.port}`);
    await database.close();
    return;
  }

  const { app, services } = await buildApp({ config, database, logger: log, serveWeb: true });
  const result = await bootstrap(config, database, services);
  const stopHousekeeping = startHousekeeping(services, log);
  if (config.jobs.run) await services.jobs.worker.start();
  await services.telephony.adapters.startAll();
  if (config.mailIn?.run !== false) await services.mailboxes.readers.startAll();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    stopHousekeeping();
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    await services.jobs.worker.stop();
    await app.close();
    await database.close();
    log.info('shut down cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  printBootstrap(result, `http://localhost:${config.port}`);
  if (result.seedDemoData) {
    const started = Date.now();
    log.info('adding demo customers, vehicles and requests in the background…');
    result
      .seedDemoData()
      .then(() => log.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'demo data ready'))
      .catch((err: unknown) => log.error({ err }, 'demo data could not be added'));
  }
}

const command = process.argv[2];
if (!command || !['serve', 'migrate', 'seed:demo'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}
main(command).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
