import { vehicleSearchSql } from '@server/modules/vehicles';
import { type MatchedOn, SCORE_EXACT, SCORE_PARTIAL, type SearchContext, type VehicleHit } from './repo';

type VehicleRow = {
  id: string;
  make: string;
  model: string;
  plate: string | null;
  vin: string | null;
  contact_id: string | null;
  owner_name: string | null;
  customer_number: string | null;
  home_location_id: string | null;
  blocked: boolean;
  score: number;
};

/**
 * Wraps a query over vehicles ($1 now, $2 the user's locations, $3 limit;
 * the branch's values from $4). The SQL is vehicles' read model.
 */
async function vehicleQuery(
  ctx: SearchContext,
  inner: string,
  params: unknown[],
  matchedOn: MatchedOn,
): Promise<VehicleHit[]> {
  const rows = await ctx.database.query<VehicleRow>(vehicleSearchSql.ranked(inner), [
    ctx.now,
    ctx.locationIds,
    ctx.limit,
    ...params,
  ]);
  return rows.map((r) => ({
    type: 'vehicle',
    id: r.id,
    make: r.make,
    model: r.model,
    plate: r.plate,
    vin: r.vin,
    contactId: r.contact_id,
    ownerName: r.owner_name,
    customerNumber: r.customer_number,
    homeLocationId: r.home_location_id,
    blocked: r.blocked,
    matchedOn,
    score: Number(r.score),
  }));
}

export const vehicleSearch = {
  /**
   * "M-AB 1234", "mab1234" and "M AB" all become a prefix of plate_normalized
   * (text_pattern_ops index). Walking that index in its own order (~<~) stops
   * after the limit and puts the exact plate first: it is the smallest string with its prefix.
   */
  byPlatePrefix: (ctx: SearchContext, normalizedPrefix: string) =>
    vehicleQuery(ctx, vehicleSearchSql.byPlatePrefix(SCORE_EXACT, SCORE_PARTIAL), [normalizedPrefix], 'plate'),

  byVin: (ctx: SearchContext, vin: string) => vehicleQuery(ctx, vehicleSearchSql.byVin(SCORE_EXACT), [vin], 'vin'),

  /** The last seven characters, as written in the service booklet; served by the right(vin, 7) index. */
  byVinLast7: (ctx: SearchContext, last7: string) =>
    vehicleQuery(ctx, vehicleSearchSql.byVinLast7(SCORE_PARTIAL), [last7], 'vin'),
};
