import type { AdfProblem } from '@shared/intake/adf.js';

type Code = AdfProblem['code'];

/** Collects warnings (the lead is still taken in) and errors (it is not) while reading. */
export class Findings {
  readonly warnings: AdfProblem[] = [];
  readonly errors: AdfProblem[] = [];

  warn(code: Code, path: string, message: string): void {
    this.warnings.push({ code, path, message });
  }

  error(code: Code, path: string, message: string): void {
    this.errors.push({ code, path, message });
  }

  /** "unusable <what> '<value>' in <path>", the wording used for every value we had to leave out. */
  unusable(path: string, what: string, value: string, why?: string): void {
    this.warn('unusable', path, `unusable ${what} '${value}' in ${path}${why ? ` (${why})` : ''}`);
  }
}
