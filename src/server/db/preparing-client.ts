import { createHash } from 'node:crypto';
import pg from 'pg';

/** Writes, alone or as a batch of data-modifying CTEs (see together.ts). */
const WRITE = /^\s*(?:insert|update|delete|with\s+\w+\s+as\s*\(\s*(?:insert|update|delete))\b/i;

/** Statements one connection keeps prepared; anything beyond runs unprepared as before. */
const MAX_PREPARED = 200;
/** Longer texts are bulk inserts (imports) whose row count varies: preparing them would only fill memory. */
const MAX_TEXT = 16_384;

/**
 * A PostgreSQL connection that prepares its write statements: the same
 * insert text then skips parsing, analysis and planning on every later run,
 * a quarter of the database's work for a web-form lead. Reads stay
 * unprepared on purpose: a generic plan for a search pattern can be far
 * worse than the plan made for the actual value.
 */
export class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // pg's overloads are many; Drizzle and the pool pass (config, values, callback?).
  override query(...args: unknown[]): never {
    const [config, values] = args;
    if (
      config &&
      typeof config === 'object' &&
      'text' in config &&
      typeof config.text === 'string' &&
      !(config as { name?: string }).name &&
      Array.isArray(values) &&
      values.length > 0 &&
      config.text.length <= MAX_TEXT &&
      WRITE.test(config.text)
    ) {
      const name = `w_${createHash('sha1').update(config.text).digest('base64url')}`;
      if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED) {
        this.prepared.add(name);
        args[0] = { ...config, name };
      }
    }
    return (super.query as (...a: unknown[]) => never).apply(this, args);
  }
}
