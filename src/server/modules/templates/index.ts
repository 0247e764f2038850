// The public face of templates: phone scripts, voicemail and e-mail texts per request type.
export { createTemplatesService, type TemplateContext, type TemplatesService } from './service';
export {
  type CustomerEmailValues,
  customerEmailTemplateIn,
  fillCustomerEmail,
  type FilledCustomerEmail,
} from './customer-email';
export { customerEmailTemplateRoutes } from './customer-email-routes';
