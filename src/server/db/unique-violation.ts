/** PostgreSQL's SQLSTATE for a unique violation (the same under PGlite). */
const UNIQUE_VIOLATION = '23505';

type DatabaseError = { code?: string; constraint?: string; message?: string; cause?: unknown } | null | undefined;

/** The error and every error it wraps: the ORM wraps the driver's error in its own. */
function* causes(error: unknown): Generator<NonNullable<DatabaseError>> {
  for (let e = error as DatabaseError; e; e = e.cause as DatabaseError) yield e;
}

/** Whether a database error (possibly wrapped by the ORM) is any unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of causes(error)) if (e.code === UNIQUE_VIOLATION) return true;
  return false;
}

/**
 * Whether a database error (possibly wrapped by the ORM) is a unique violation of that
 * constraint or index. The name is also looked for in the message: not every driver
 * fills in `constraint`.
 */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  for (const e of causes(error)) {
    if (e.code === UNIQUE_VIOLATION && (e.constraint === constraint || String(e.message).includes(constraint))) {
      return true;
    }
  }
  return false;
}

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Whether a database error (possibly wrapped by the ORM) is a statement that ran out of its time. */
export function isQueryCanceled(error: unknown): boolean {
  for (const e of causes(error)) if (e.code === QUERY_CANCELED) return true;
  return false;
}
