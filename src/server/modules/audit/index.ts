// The public face of audit: every module records its audited changes in its own transaction.
export { type AuditEntry, recordAudit } from './service';
