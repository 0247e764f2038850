// The public face of imports: contact and vehicle files from other systems, and the export.
export { createImportsService, type ImportsService } from './service';
