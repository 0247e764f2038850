/**
 * ADF ("Auto-lead Data Format", XML 1.0) leads from portals, manufacturers and web forms.
 * Pure functions, no database: the intake service stores what comes out.
 */
export { parseAdf, type ParseAdfOptions } from './parse.js';
export { extractAdfFromEmail } from './email/extract.js';
export { decodeXml } from './bytes.js';
export type { AdfLead, AdfParseResult, AdfProblem, AdfWarning } from '@shared/intake/adf.js';
