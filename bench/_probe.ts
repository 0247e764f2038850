import pino from 'pino';
import { openPostgres } from '../src/server/db/client';
import { createSearchService } from '../src/server/modules/search/service';
import { systemClock } from '../src/server/lib/clock';
const database = openPostgres('postgres://postgres@127.0.0.1:5432/crm_bench');
const s = createSearchService({ database, db: database.db, clock: systemClock, log: pino(), config: {} as never });
for (const q of process.argv.slice(2)) {
  try {
    const r = await s.search({ locationIds: [] }, { q, limit: 10 });
    console.log(
      q,
      r.tookMs,
      r.results.slice(0, 3).map((x) => x.title),
    );
  } catch (e) {
    console.log(q, e);
  }
}
await database.close();
