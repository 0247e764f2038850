import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { PHONEBOOK_FORMATS, type PhonebookFormat, type PhonebookNumberFormat } from '@shared/telephony/enums';
import type { PhonebookStatus } from '@shared/telephony/schemas';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import type { JobsService } from '@server/jobs/service';
import { defineJob, NoPayload } from '@server/jobs/definition';
import { recordAudit } from '@server/modules/audit';
import { phonebookSettings, phonebookSnapshots } from './tables';
import { phonebookEntries } from '@server/modules/contacts';
import { PHONEBOOK_WRITERS, writeContext } from './formats';

export const PHONEBOOK_JOB = 'phonebook.generate';
/** At night, so the PBX and the phones fetch a fresh book before the first call of the day. */
export const PHONEBOOK_SCHEDULE = 'daily at 02:30 Europe/Berlin';

export type PhonebookService = ReturnType<typeof createPhonebookService>;

/** The contact directory for the PBX and the desk phones (R0.4), rebuilt every night and on demand. */
export function createPhonebookService({ db, clock, log }: Deps, jobs: JobsService) {
  let running: Promise<void> | null = null;

  /**
   * Every format in one pass over the contacts, read a batch at a time: the
   * database work is done once and all four files show the same moment. The
   * files themselves are held until stored (each is one row), about 0.7 KB per
   * contact for all four together.
   */
  /** Per export, how its numbers are written: the admin's choice, else the format's default. */
  async function numberFormats(): Promise<Map<PhonebookFormat, PhonebookNumberFormat>> {
    const rows = await db.select().from(phonebookSettings);
    const chosen = new Map(rows.map((r) => [r.format, r.numberFormat]));
    return new Map(PHONEBOOK_FORMATS.map((f) => [f, chosen.get(f) ?? PHONEBOOK_WRITERS[f].defaultNumberFormat]));
  }

  async function generate(formats: readonly PhonebookFormat[], now: Date): Promise<void> {
    const numbering = await numberFormats();
    const writers = formats.map((format) => ({
      format,
      writer: PHONEBOOK_WRITERS[format],
      ctx: writeContext(numbering.get(format)!),
      chunks: [] as string[],
    }));
    for (const w of writers) w.chunks.push(w.writer.begin());
    let count = 0;
    for await (const batch of phonebookEntries(db, now)) {
      for (const w of writers) {
        let part = '';
        for (const entry of batch) part += w.writer.entry(entry, w.ctx);
        w.chunks.push(part);
      }
      count += batch.length;
      // PGlite answers in the same thread: let waiting HTTP requests through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const w of writers) {
      w.chunks.push(w.writer.end());
      const content = w.chunks.join('');
      w.chunks.length = 0;
      await db
        .insert(phonebookSnapshots)
        .values({ format: w.format, content, entryCount: count, generatedAt: now })
        .onConflictDoUpdate({
          target: phonebookSnapshots.format,
          set: { content, entryCount: count, generatedAt: now },
        });
    }
  }

  /** Every format; a second call while one runs waits for it instead of doing the work twice. */
  function generateAll(now: Date): Promise<void> {
    running ??= (async () => {
      const started = Date.now();
      try {
        await generate(PHONEBOOK_FORMATS, now);
        log.info({ ms: Date.now() - started }, 'phonebook generated');
      } finally {
        running = null;
      }
    })();
    return running;
  }

  // Not transactional: generation reads in batches and writes each format on its own.
  const phonebookJob = jobs.register(
    defineJob({
      kind: PHONEBOOK_JOB,
      payload: NoPayload,
      handler: (_payload, ctx) => generateAll(ctx.now),
      transactional: false,
      maxAttempts: 3,
    }),
  );
  jobs.every(phonebookJob, PHONEBOOK_SCHEDULE);

  async function status(): Promise<z.infer<typeof PhonebookStatus>> {
    const rows = await db
      .select({
        format: phonebookSnapshots.format,
        entryCount: phonebookSnapshots.entryCount,
        generatedAt: phonebookSnapshots.generatedAt,
      })
      .from(phonebookSnapshots);
    rows.sort((a, b) => PHONEBOOK_FORMATS.indexOf(a.format) - PHONEBOOK_FORMATS.indexOf(b.format));
    const numbering = await numberFormats();
    return {
      formats: rows.map((r) => ({ ...r, generatedAt: r.generatedAt.toISOString() })),
      numberFormats: [...numbering].map(([format, numberFormat]) => ({ format, numberFormat })),
    };
  }

  return {
    generateAll: (now = clock.now()) => generateAll(now),
    status,

    async regenerate(actor: Actor) {
      const now = clock.now();
      await generateAll(now);
      await recordAudit(db, now, actor, { action: 'phonebook.regenerated', entityType: 'phonebook' });
      return status();
    },

    /** The admin chooses how one export writes numbers; that file is rebuilt at once. */
    async setNumberFormat(actor: Actor, format: PhonebookFormat, numberFormat: PhonebookNumberFormat) {
      const now = clock.now();
      await db
        .insert(phonebookSettings)
        .values({ format, numberFormat, updatedAt: now })
        .onConflictDoUpdate({ target: phonebookSettings.format, set: { numberFormat, updatedAt: now } });
      await recordAudit(db, now, actor, {
        action: 'phonebook.number_format_changed',
        entityType: 'phonebook',
        entityId: format,
        data: { numberFormat },
      });
      await generate([format], now);
      return status();
    },

    /** The stored file; built at once if the night's job has never run yet (a fresh installation). */
    async file(format: PhonebookFormat, actor: Actor) {
      let [row] = await db.select().from(phonebookSnapshots).where(eq(phonebookSnapshots.format, format));
      if (!row) {
        await generate([format], clock.now());
        [row] = await db.select().from(phonebookSnapshots).where(eq(phonebookSnapshots.format, format));
      }
      // A person downloading customer data is an export worth recording; the PBX fetching it every hour is not.
      if (actor.kind === 'user') {
        await recordAudit(db, clock.now(), actor, {
          action: 'phonebook.downloaded',
          entityType: 'phonebook',
          entityId: format,
          data: { entries: row!.entryCount },
        });
      }
      return { ...PHONEBOOK_WRITERS[format], content: row!.content, generatedAt: row!.generatedAt };
    },
  };
}
