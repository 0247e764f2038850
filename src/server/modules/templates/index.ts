// The public face of templates: phone scripts, voicemail and e-mail texts per request type.
export { createTemplatesService, type TemplateContext, type TemplatesService } from './service';
