import type { z } from 'zod';
import type {
  DuplicateHandling,
  ImportJob,
  ImportMapping,
  ImportReport,
  ImportTarget,
  ImportUploadResult as ImportUploadResultSchema,
} from '@shared/imports/schemas';
import { api, uploadFile } from '@web/ui/api';

export type ImportUploadResult = z.infer<typeof ImportUploadResultSchema>;

export interface ImportSettings {
  mapping: ImportMapping;
  duplicateHandling: DuplicateHandling;
}

export function uploadImportFile(target: ImportTarget, file: File) {
  const form = new FormData();
  // The server reads the fields in order; the target goes first so it is known when the file arrives.
  form.append('target', target);
  form.append('file', file, file.name);
  return uploadFile<ImportUploadResult>('/imports', form);
}

export const runDryRun = (id: string, settings: ImportSettings) =>
  api.post<ImportReport>(`/imports/${id}/dry-run`, settings);

export const applyImport = (id: string, settings: ImportSettings) =>
  api.post<ImportJob>(`/imports/${id}/apply`, settings);

export const fetchImportJob = (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/imports/${id}`, signal);

export const reportHref = (id: string) => `/api/imports/${id}/report.csv`;

/** Only columns mapped to a field are sent; "do not import" is an empty string. */
export function cleanMapping(mapping: ImportMapping): ImportMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''));
}
