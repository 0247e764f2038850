// The public face of documents: stored files (rendered PDFs, uploads) and, per location, the letterhead they are printed on.
export {
  documentsOf,
  documentsOfOwners,
  documentWithContent,
  type NewDocument,
  type StoredDocument,
  storeDocumentIn,
  storeOnceIn,
} from './store';
export { letterheadFor, type PrintedLetterhead } from './letterheads';
export { createDocumentsService, type DocumentsService, type OwnerAccess } from './service';
export { type Column, facts, Letter, type LetterSpec, MailMerge, type MergedLetter, type Row, table } from './pdf';
export { insertLetterheadRows } from './bulk';
