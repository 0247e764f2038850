// The public face of correspondence: e-mails written to customers from the CRM, kept exactly as sent.
export { type CorrespondenceService, createCorrespondenceService } from './service';
export {
  type AttachmentContent,
  type DocumentOwnerCheck,
  type SendCustomerEmail,
  type SentCustomerEmail,
} from './send';
export { type AcknowledgementInput, type AcknowledgementOutcome } from './acknowledge';
export { requestIdForMessageIds } from './threads';
