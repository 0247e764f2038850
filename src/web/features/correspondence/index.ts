// E-mail to customers: the dialog other features open (with a template and attachments preset) and the stored message.
export { CustomerEmailDialog, type CustomerEmailDialogProps, type PresetAttachment } from './CustomerEmailDialog';
export { CustomerEmailMessage } from './CustomerEmailMessage';
export { renderTemplate, useEmailOptions } from './queries';
