// The public face of documents: stored files (rendered PDFs, uploads) and, per location, the letterhead they are printed on.
export { documentsOf, documentWithContent, type NewDocument, type StoredDocument, storeDocumentIn } from './store';
