import type { z } from 'zod';
import { phaseDeliveryRange } from '@shared/lifecycle/phase-range';
import type { Fuel } from '@shared/vehicles/enums';
import type { VEHICLE_SORTS, VehicleListQuery } from '@shared/vehicles/schemas';
import type { Database } from '@server/db/client';
import { cursorCodec, isDate, isKeyText, isTimestamp, isUuid } from '@server/http/cursor';

type Sort = (typeof VEHICLE_SORTS)[number];
type Dir = 'asc' | 'desc';

export interface ListRow {
  id: string;
  vin: string | null;
  plate: string | null;
  make: string;
  model: string;
  variant: string | null;
  fuel: Fuel | null;
  firstRegistration: string | null;
  serviceContract: boolean;
  serviceContractUntil: string | null;
  warrantyEnd: string | null;
  updatedAt: Date;
  /** The sort key as text, exactly as it goes back into the cursor. */
  k0: string | null;
  k1: string | null;
}

interface SortKey {
  column: string;
  /** How the column is read as text without losing precision, and cast back from it. */
  asText: string;
  cast: string;
}

/**
 * Each sort ends with the id so the order is total, and each has an index of
 * the same columns (tables.ts). Nullable keys are paged in two segments — the
 * rows with a value, then those without — so every segment stays one range
 * scan of the index instead of an OR the planner cannot walk in order.
 */
const SORTS: Record<Sort, { keys: SortKey[]; nullable: boolean }> = {
  make: {
    keys: [
      { column: 'make', asText: 'make', cast: 'text' },
      { column: 'model', asText: 'model', cast: 'text' },
    ],
    nullable: false,
  },
  plate: { keys: [{ column: 'plate_normalized', asText: 'plate_normalized', cast: 'text' }], nullable: true },
  firstRegistration: {
    keys: [{ column: 'first_registration', asText: 'first_registration::text', cast: 'date' }],
    nullable: true,
  },
  updatedAt: {
    keys: [
      {
        column: 'updated_at',
        asText: `to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        cast: 'timestamptz',
      },
    ],
    nullable: false,
  },
};

interface Cursor {
  s: Sort;
  d: Dir;
  /** True while paging the rows whose sort key is null. */
  n: boolean;
  k: string[];
  i: string;
}

/** A cursor's key must cast the way its column is compared. */
const KEY_CHECKS: Record<string, (value: unknown) => boolean> = {
  text: isKeyText,
  date: isDate,
  timestamptz: isTimestamp,
};

const isCursor =
  (sort: Sort, dir: Dir) =>
  (v: unknown): v is Cursor => {
    const c = v as Cursor;
    return (
      typeof c === 'object' &&
      c !== null &&
      c.s === sort &&
      c.d === dir &&
      typeof c.n === 'boolean' &&
      (!c.n || SORTS[sort].nullable) &&
      Array.isArray(c.k) &&
      c.k.length === (c.n ? 0 : SORTS[sort].keys.length) &&
      c.k.every((x, i) => KEY_CHECKS[SORTS[sort].keys[i]!.cast]?.(x) === true) &&
      isUuid(c.i)
    );
  };

const COLUMNS = `id, vin, plate, make, model, variant, fuel,
  first_registration::text AS "firstRegistration", service_contract AS "serviceContract",
  service_contract_until::text AS "serviceContractUntil", warranty_end::text AS "warrantyEnd",
  updated_at AS "updatedAt"`;

export async function listVehicleRows(
  database: Database,
  query: z.output<typeof VehicleListQuery>,
  /** Berlin calendar day the lifecycle phase is counted on. */
  today: string,
): Promise<{ rows: ListRow[]; nextCursor: string | null }> {
  const { sort, dir, limit } = query;
  const spec = SORTS[sort];
  const params: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const filters: string[] = [];
  if (query.make) filters.push(`make = ${param(query.make, 'text')}`);
  if (query.fuel) filters.push(`fuel = ${param(query.fuel, 'fuel')}`);
  if (query.locationId) filters.push(`location_id = ${param(query.locationId, 'uuid')}`);
  if (query.serviceContract) filters.push(`service_contract = ${param(query.serviceContract === 'true', 'boolean')}`);
  if (query.phase) {
    const [from, to] = phaseDeliveryRange(query.phase, today);
    if (from) filters.push(`delivery_date >= ${param(from, 'date')}`);
    if (to) filters.push(`delivery_date <= ${param(to, 'date')}`);
  }
  const baseParams = params.length;

  const codec = cursorCodec(isCursor(sort, dir));
  const cursor = query.cursor ? codec.decode(query.cursor) : null;
  const op = dir === 'asc' ? '>' : '<';
  const keyText =
    spec.keys.map((k, i) => `${k.asText} AS k${i}`).join(', ') + (spec.keys.length < 2 ? ', NULL AS k1' : '');

  const segmentSql = (nulls: boolean, after: Cursor | null, take: number) => {
    params.length = baseParams;
    const where = [...filters];
    if (spec.nullable) where.push(`${spec.keys[0]!.column} IS ${nulls ? '' : 'NOT '}NULL`);
    if (after && nulls) where.push(`id ${op} ${param(after.i, 'uuid')}`);
    if (after && !nulls) {
      const values = spec.keys.map((k, i) => param(after.k[i], k.cast));
      where.push(
        `(${spec.keys.map((k) => k.column).join(', ')}, id) ${op} (${values.join(', ')}, ${param(after.i, 'uuid')})`,
      );
    }
    const order = [...(nulls ? [] : spec.keys.map((k) => `${k.column} ${dir}`)), `id ${dir}`].join(', ');
    return `SELECT ${COLUMNS}, ${keyText} FROM vehicles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ${param(take, 'int')}`;
  };

  // Ascending, rows with a value come first (as in the index); descending, the null rows do.
  const segments = !spec.nullable ? [false] : dir === 'asc' ? [false, true] : [true, false];
  const start = cursor ? segments.indexOf(cursor.n) : 0;
  const rows: Array<ListRow & { nullSegment: boolean }> = [];
  for (let s = Math.max(start, 0); s < segments.length && rows.length <= limit; s++) {
    const nulls = segments[s]!;
    const text = segmentSql(nulls, s === start ? cursor : null, limit + 1 - rows.length);
    const found = await database.query<ListRow>(text, [...params]);
    rows.push(...found.map((r) => ({ ...r, nullSegment: nulls })));
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? codec.encode({
          s: sort,
          d: dir,
          n: last.nullSegment,
          k: last.nullSegment ? [] : spec.keys.map((_, i) => String(i === 0 ? last.k0 : last.k1)),
          i: last.id,
        } satisfies Cursor)
      : null;
  return { rows: page, nextCursor };
}
