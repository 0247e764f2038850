import { z } from 'zod';

/** bank_contracts: a bank's end-of-contract list (Vertragsende-Liste), matched to vehicles already in the CRM. */
export const IMPORT_TARGETS = ['contacts', 'vehicles', 'bank_contracts'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What to do with a row that matches an existing record (same external id, e-mail or phone). */
export const DUPLICATE_HANDLINGS = ['skip', 'update', 'create'] as const;
export type DuplicateHandling = (typeof DUPLICATE_HANDLINGS)[number];

export const IMPORT_ACTIONS = ['create', 'update', 'skip', 'reject'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** uploaded → dry_run_done → applying → done | failed */
export const IMPORT_STATUSES = ['uploaded', 'dry_run_done', 'applying', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Column header → target field (see GET /api/imports/fields); an empty string or a missing column is ignored. */
export const ImportMapping = z.record(z.string().max(200), z.string().max(40));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRunInput = z.object({
  mapping: ImportMapping,
  duplicateHandling: z.enum(DUPLICATE_HANDLINGS).default('skip'),
  /** Home location of new contacts whose row names none; defaults to the importing user's. */
  locationId: z.uuid().optional(),
});
export type ImportRunInput = z.input<typeof ImportRunInput>;

/** Why a row was rejected, or a note on a row that was imported (e.g. a phone number kept as invalid). */
export const ImportReason = z.object({
  field: z.string(),
  /** The file's column the value came from, when there is one. */
  column: z.string().nullable(),
  /** In English where it arises; the dry run answers in the reader's language. */
  message: z.string(),
  /** Stable and language-free, e.g. "unknown_value" (src/shared/errors/codes.ts); missing in reports of older imports. */
  code: z.string().optional(),
  /** What the code's wording needs, e.g. { value: "Benzin/Gas" }. */
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ImportReason = z.infer<typeof ImportReason>;

export const ImportRowReport = z.object({
  /** Row number as a spreadsheet shows it (the header is row 1); for vCards the card's position. */
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  reasons: z.array(ImportReason),
  contactId: z.uuid().optional(),
  vehicleId: z.uuid().optional(),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

export const ImportTotals = z.object({
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  reject: z.number().int(),
});
export type ImportTotals = z.infer<typeof ImportTotals>;

export const ImportReport = z.object({
  dryRun: z.boolean(),
  totals: ImportTotals,
  rows: z.array(ImportRowReport),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });

export const ImportUploadResult = z.object({
  id: z.uuid(),
  target: z.enum(IMPORT_TARGETS),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  headers: z.array(z.string()),
  /** The first five data rows, cell by cell as text. */
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
  totalRows: z.number().int(),
  /** The fields a column can be mapped to for this target. */
  fields: z.array(ImportField),
});

export const ImportJob = z.object({
  id: z.uuid(),
  target: z.enum(IMPORT_TARGETS),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  headers: z.array(z.string()),
  mapping: ImportMapping.nullable(),
  duplicateHandling: z.enum(DUPLICATE_HANDLINGS).nullable(),
  totalRows: z.number().int(),
  /** Rows done so far; while applying, rows 1…processedRows (in file order) are committed. */
  processedRows: z.number().int(),
  /** Totals of the latest dry run or apply. */
  totals: ImportTotals.nullable(),
  /** Whether the totals come from a dry run (nothing written) or from applying. */
  dryRun: z.boolean().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** Filters of the contact export: the same as the contact list's. */
export const ContactExportQuery = z.object({
  q: z.string().trim().max(100).optional(),
  locationId: z.uuid().optional(),
  kind: z.enum(['person', 'company']).optional(),
  tag: z.string().trim().max(40).optional(),
  salesConsultantId: z.uuid().optional(),
  blocked: z.enum(['true', 'false']).optional(),
});
export type ContactExportQuery = z.infer<typeof ContactExportQuery>;

export const VCARD_VERSIONS = ['3.0', '4.0'] as const;
