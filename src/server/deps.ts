import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Clock } from './lib/clock';

/** What every service is built from. Tests build the same with a fresh database and a manual clock. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
}
