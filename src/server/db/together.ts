import { type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './client';

/**
 * Writes gathered from several services and sent as one statement: each
 * insert or update becomes a data-modifying CTE, each side effect (a
 * pg_notify) is evaluated once in the final SELECT. One round trip instead
 * of one per write, which is what a busy intake pays for.
 *
 * The writes must not depend on each other's results (ids are chosen
 * beforehand) and must not touch the same row twice: all CTEs of a
 * statement see the same snapshot. Foreign keys are checked at the end of
 * the statement, so a contact and the request pointing to it can go together.
 */
export class WriteBatch {
  private readonly writes: SQLWrapper[] = [];
  private readonly effects: SQL[] = [];

  write(...writes: SQLWrapper[]): this {
    this.writes.push(...writes);
    return this;
  }

  /** An expression to evaluate once the writes are done, e.g. `pg_notify(…)`. */
  effect(...effects: SQL[]): this {
    this.effects.push(...effects);
    return this;
  }

  get size(): number {
    return this.writes.length + this.effects.length;
  }

  async run(tx: DbOrTx): Promise<void> {
    const { writes, effects } = this;
    if (writes.length === 0 && effects.length === 0) return;
    if (writes.length === 1 && effects.length === 0) {
      await tx.execute(writes[0]!.getSQL());
      return;
    }
    const select = effects.length > 0 ? sql.join(effects, sql`, `) : sql`1`;
    if (writes.length === 0) {
      await tx.execute(sql`SELECT ${select}`);
      return;
    }
    // getSQL: a query builder embedded as itself would come wrapped in parentheses, which a CTE refuses.
    const parts = writes.map((write, i) => sql`${sql.raw(`w${i}`)} AS (${write.getSQL()})`);
    await tx.execute(sql`WITH ${sql.join(parts, sql`, `)} SELECT ${select}`);
  }
}

/** Several independent writes in one statement; see WriteBatch. */
export async function writeTogether(tx: DbOrTx, writes: SQLWrapper[]): Promise<void> {
  await new WriteBatch().write(...writes).run(tx);
}
