import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DuplicateHandling, ImportJob, ImportMapping, ImportReport, ImportTarget } from '@shared/imports/schemas';
import { type ImportRunInput, ImportUploadResult } from '@shared/imports/schemas';
import { TEXT_MAX } from '@shared/text/limits';
import type { Deps } from '@server/deps';
import { type Actor, assertLocation } from '@server/http/access';
import { authorOf } from '@server/http/actor';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { storableText } from '@server/lib/input/storable';
import { recordAudit } from '@server/modules/audit';
import type { Locale } from '@shared/org/enums';
import type { ContactsService } from '@server/modules/contacts';
import type { OrgService } from '@server/modules/org';
import type { VehiclesService } from '@server/modules/vehicles';
import { checkMapping, importContext } from './context';
import { createExportFunctions } from './exports';
import { fieldsOf, suggestMapping } from './fields';
import { detectFormat, readTable } from './parse';
import { reportCsv } from './report-csv';
import * as repo from './repo';
import { runImport } from './runner';

type RunInput = z.output<typeof ImportRunInput>;

interface StoredReports {
  dryRun?: ImportReport;
  apply?: ImportReport;
}

/** A job still "applying" without a sign of life for this long was cut off (the process ended). */
const STALE_AFTER_MS = 10 * 60_000;

export type ImportsService = ReturnType<typeof createImportsService>;

export function createImportsService(
  deps: Deps,
  _contacts: ContactsService,
  _vehicles: VehiclesService,
  org: OrgService,
) {
  const { db, clock } = deps;
  /** Imports applying in this process; their completion is awaited on shutdown. */
  const running = new Map<string, Promise<void>>();

  function present(row: repo.ImportJobStatusRow, reports: StoredReports | null): ImportJob {
    let status = row.status as ImportJob['status'];
    let error = row.error;
    if (
      status === 'applying' &&
      !running.has(row.id) &&
      clock.now().getTime() - row.updatedAt.getTime() > STALE_AFTER_MS
    ) {
      status = 'failed';
      error = `interrupted; rows up to ${row.processedRows} were applied`;
    }
    const latest = reports?.apply ?? reports?.dryRun ?? null;
    const options = (row.options ?? {}) as { duplicateHandling?: DuplicateHandling };
    return {
      id: row.id,
      target: row.target as ImportTarget,
      format: row.format as ImportJob['format'],
      fileName: row.fileName,
      status,
      headers: row.headers,
      mapping: row.mapping ?? null,
      duplicateHandling: options.duplicateHandling ?? null,
      totalRows: row.totalRows,
      processedRows: row.processedRows,
      totals: latest?.totals ?? null,
      dryRun: latest ? latest.dryRun : null,
      error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  /**
   * An import belongs to the location it imports into (until a dry run names
   * one, the uploader's home location): admins, the uploader and that
   * location's managers may see and run it. Machine actors (the command
   * line) act for the group.
   */
  async function assertMayUse(actor: Actor, id: string, input?: { locationId?: string }): Promise<void> {
    const owner = await repo.findJobOwner(db, id);
    if (!owner) throw new NotFoundError('Import');
    if (actor.kind !== 'user' || actor.role === 'admin') return;
    if (input?.locationId) assertLocation(actor, input.locationId);
    if (owner.createdBy === actor.userId) return;
    const target =
      (owner.options as { locationId?: string | null } | null)?.locationId ??
      (owner.createdBy ? (await org.getUser(owner.createdBy).catch(() => null))?.homeLocationId : undefined);
    if (!target || !actor.locationIds.includes(target)) {
      throw new ForbiddenError('This import belongs to another location.');
    }
  }

  async function loadForRun(id: string, input: RunInput) {
    const job = await repo.findJob(db, id);
    if (!job) throw new NotFoundError('Import');
    checkMapping(job.target as ImportTarget, job.headers, input.mapping);
    const table = await readTable(job.format as ImportJob['format'], job.content);
    return { job, table };
  }

  async function get(actor: Actor, id: string): Promise<ImportJob> {
    await assertMayUse(actor, id);
    const row = await repo.findJobStatus(db, id);
    if (!row) throw new NotFoundError('Import');
    const reports = (await repo.findJobReport(db, id))?.report as StoredReports | null;
    return present(row, reports);
  }

  async function upload(actor: Actor, upload: { target: ImportTarget; fileName: string; buffer: Buffer }) {
    // The name is stored as text; a NUL in it must not cost the import.
    const file = { ...upload, fileName: storableText(upload.fileName).slice(0, TEXT_MAX.fileName) };
    const format = detectFormat(file.fileName, file.buffer);
    if (format === 'vcard' && file.target !== 'contacts') {
      throw new ValidationError([
        { field: 'target', in: 'body', code: 'vcard_contacts_only', message: 'vCards hold contacts, not vehicles' },
      ]);
    }
    const table = await readTable(format, file.buffer);
    if (table.headers.length === 0 || table.rows.length === 0) {
      throw new ValidationError([
        { field: 'file', in: 'body', code: 'no_data_rows', message: 'contains no data rows' },
      ]);
    }
    const now = clock.now();
    const job = await repo.insertJob(db, {
      target: file.target,
      format,
      fileName: file.fileName,
      content: file.buffer,
      status: 'uploaded',
      headers: table.headers,
      totalRows: table.rows.length,
      createdBy: authorOf(actor),
      createdAt: now,
      updatedAt: now,
    });
    return ImportUploadResult.parse({
      id: job.id,
      target: file.target,
      format,
      fileName: file.fileName,
      headers: table.headers,
      sampleRows: table.rows.slice(0, 5).map((row) => row.map(storableText)),
      suggestedMapping: suggestMapping(file.target, table.headers),
      totalRows: table.rows.length,
      fields: fieldsOf(file.target).map((f) => ({ key: f.key, label: f.label, required: Boolean(f.required) })),
    });
  }

  /** Validates and matches every row without writing anything; the report is kept with the job. */
  async function dryRun(actor: Actor, id: string, input: RunInput): Promise<ImportReport> {
    await assertMayUse(actor, id, input);
    if (running.has(id)) throw new ConflictError('This import is being applied right now.');
    const { job, table } = await loadForRun(id, input);
    const { context, locationCodes } = await importContext(deps, org, actor, input.locationId);
    const { report, error } = await runImport({
      target: job.target as ImportTarget,
      table,
      mapping: input.mapping,
      duplicateHandling: input.duplicateHandling,
      dryRun: true,
      context,
      write: { authorId: authorOf(actor), locationCodes, sourceType: 'import', sourceId: id },
      transaction: (work) => work(db),
    });
    if (error) throw error;
    const reports = { ...((job.report ?? {}) as StoredReports), dryRun: report };
    await repo.updateJob(db, id, {
      status: job.status === 'uploaded' ? 'dry_run_done' : job.status,
      mapping: input.mapping,
      options: { duplicateHandling: input.duplicateHandling, locationId: input.locationId ?? null },
      report: reports as unknown as Record<string, unknown>,
      updatedAt: clock.now(),
    });
    return report;
  }

  /** Writes the file chunk by chunk; each chunk commits with the job's progress, so processedRows is what was applied. */
  async function execute(actor: Actor, loaded: Awaited<ReturnType<typeof loadForRun>>, input: RunInput): Promise<void> {
    const { job, table } = loaded;
    const id = job.id;
    const { context, locationCodes } = await importContext(deps, org, actor, input.locationId);
    const { report, error } = await runImport({
      target: job.target as ImportTarget,
      table,
      mapping: input.mapping,
      duplicateHandling: input.duplicateHandling,
      dryRun: false,
      context,
      write: { authorId: authorOf(actor), locationCodes, sourceType: 'import', sourceId: id },
      transaction: (work) =>
        db.transaction(async (tx) => {
          // A bulk load need not wait for each chunk's WAL flush; progress commits with its chunk, so it stays exact.
          await tx.execute(sql`SET LOCAL synchronous_commit = off`);
          return work(tx);
        }),
      onChunk: (tx, processed) => repo.updateJob(tx, id, { processedRows: processed, updatedAt: clock.now() }),
    });
    const now = clock.now();
    await db.transaction(async (tx) => {
      const reports = { ...((job.report ?? {}) as StoredReports), apply: report };
      await repo.updateJob(tx, id, {
        status: error ? 'failed' : 'done',
        error: error ? `${error.message}; rows up to ${report.rows.at(-1)?.row ?? 0} were applied` : null,
        report: reports as unknown as Record<string, unknown>,
        updatedAt: now,
        finishedAt: now,
      });
      await recordAudit(tx, now, actor, {
        action: 'import.applied',
        entityType: 'import',
        entityId: id,
        data: { target: job.target, fileName: job.fileName, totals: report.totals, failed: Boolean(error) },
      });
    });
  }

  /** Checks the request, marks the job applying and starts the work; the promise of the work is returned. */
  async function startApply(actor: Actor, id: string, input: RunInput): Promise<Promise<void>> {
    await assertMayUse(actor, id, input);
    if (running.has(id)) throw new ConflictError('This import is being applied right now.');
    let release!: () => void;
    running.set(id, new Promise<void>((resolve) => (release = resolve)));
    try {
      const loaded = await loadForRun(id, input);
      await repo.updateJob(db, id, {
        status: 'applying',
        processedRows: 0,
        error: null,
        mapping: input.mapping,
        options: { duplicateHandling: input.duplicateHandling, locationId: input.locationId ?? null },
        updatedAt: clock.now(),
        finishedAt: null,
      });
      const work = execute(actor, loaded, input).catch(async (error: unknown) => {
        deps.log.error({ err: error, importId: id }, 'import failed');
        await repo
          .updateJob(db, id, { status: 'failed', error: (error as Error).message, finishedAt: clock.now() })
          .catch(() => undefined);
      });
      running.set(id, work);
      void work.finally(() => running.delete(id));
      return work;
    } catch (error) {
      running.delete(id);
      throw error;
    } finally {
      release();
    }
  }

  return {
    upload,
    dryRun,
    get,
    /** Starts applying in the background (this process); GET shows the progress. */
    async apply(actor: Actor, id: string, input: RunInput): Promise<ImportJob> {
      await startApply(actor, id, input);
      return get(actor, id);
    },
    async reportCsv(actor: Actor, id: string, locale?: Locale): Promise<string> {
      await assertMayUse(actor, id);
      const row = await repo.findJobReport(db, id);
      if (!row) throw new NotFoundError('Import');
      const reports = row.report as StoredReports | null;
      const report = reports?.apply ?? reports?.dryRun;
      if (!report) throw new NotFoundError('Import report');
      return reportCsv(report, locale);
    },
    /**
     * The whole flow at once — upload, mapping (the suggested one unless
     * given) and apply — returning when done. For command-line imports and
     * the import benchmark.
     */
    async importCsvBuffer(
      actor: Actor,
      buffer: Buffer,
      options: {
        target: ImportTarget;
        mapping?: ImportMapping;
        duplicateHandling?: DuplicateHandling;
        fileName?: string;
        locationId?: string;
      },
    ): Promise<ImportJob> {
      const uploaded = await upload(actor, {
        target: options.target,
        fileName: options.fileName ?? 'import.csv',
        buffer,
      });
      const work = await startApply(actor, uploaded.id, {
        mapping: options.mapping ?? uploaded.suggestedMapping,
        duplicateHandling: options.duplicateHandling ?? 'skip',
        locationId: options.locationId,
      });
      await work;
      return get(actor, uploaded.id);
    },
    /** Resolves when no import is applying in this process (for shutdown and tests). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    ...createExportFunctions(deps),
  };
}
