import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from './client';

/** The current version; null when the row is missing, which turns the caches off rather than freezing them. */
export async function referenceVersion(db: DbOrTx): Promise<number | null> {
  const [row] = await rows<{ version: string | number }>(db, sql`SELECT version FROM reference_versions WHERE id = 1`);
  return row ? Number(row.version) : null;
}

/**
 * A value built from reference data, rebuilt when the reference version it
 * was built at is no longer current. Reading the version first and the data
 * after means a change committing in between only causes one extra rebuild,
 * never a stale value that stays.
 */
export class VersionedValue<T> {
  private entry: { version: number; value: Promise<T> } | null = null;

  constructor(private readonly build: () => Promise<T>) {}

  get(version: number | null): Promise<T> {
    if (version === null) return this.build();
    if (this.entry?.version !== version) {
      const value = this.build();
      const entry = { version, value };
      this.entry = entry;
      // A failed build is not kept: the next caller tries again.
      value.catch(() => {
        if (this.entry === entry) this.entry = null;
      });
    }
    return this.entry.value;
  }
}
