import { blockedSql, type MatchedOn, SCORE_EXACT, SCORE_PARTIAL, type SearchContext, type VehicleHit } from './repo';

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
 * the branch's values from $4). The current owner (else keeper) is looked up
 * only for the vehicles that make the cut.
 */
async function vehicleQuery(
  ctx: SearchContext,
  inner: string,
  params: unknown[],
  matchedOn: MatchedOn,
): Promise<VehicleHit[]> {
  const rows = await ctx.database.query<VehicleRow>(
    `SELECT v.id, v.make, v.model, v.plate, v.vin, v.score::float8 AS score,
            c.id AS contact_id, c.display_name AS owner_name, c.customer_number, c.home_location_id,
            CASE WHEN c.id IS NULL THEN false ELSE ${blockedSql('c.id', '$1')} END AS blocked
       FROM (${inner} LIMIT $3) v
       LEFT JOIN LATERAL (
         SELECT vc.contact_id FROM vehicle_contacts vc
           JOIN contacts oc ON oc.id = vc.contact_id AND oc.merged_into_id IS NULL
          WHERE vc.vehicle_id = v.id AND vc.valid_to IS NULL AND vc.role IN ('owner', 'keeper')
          ORDER BY (vc.role = 'owner') DESC, vc.valid_from DESC
          LIMIT 1
       ) holder ON true
       LEFT JOIN contacts c ON c.id = holder.contact_id
      ORDER BY v.score DESC, (c.home_location_id = ANY($2::uuid[])) DESC NULLS LAST, v.plate, v.id`,
    [ctx.now, ctx.locationIds, ctx.limit, ...params],
  );
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

const VEHICLE_COLUMNS = 'v.id, v.make, v.model, v.plate, v.vin';

export const vehicleSearch = {
  /**
   * "M-AB 1234", "mab1234" and "M AB" all become a prefix of plate_normalized
   * (text_pattern_ops index). Walking that index in its own order (~<~) stops
   * after the limit and puts the exact plate first: it is the smallest string with its prefix.
   */
  byPlatePrefix: (ctx: SearchContext, normalizedPrefix: string) =>
    vehicleQuery(
      ctx,
      `SELECT ${VEHICLE_COLUMNS}, CASE WHEN v.plate_normalized = $4 THEN ${SCORE_EXACT} ELSE ${SCORE_PARTIAL} END AS score
         FROM vehicles v
        WHERE v.plate_normalized LIKE $4 || '%'
        ORDER BY v.plate_normalized USING ~<~`,
      [normalizedPrefix],
      'plate',
    ),

  byVin: (ctx: SearchContext, vin: string) =>
    vehicleQuery(
      ctx,
      `SELECT ${VEHICLE_COLUMNS}, ${SCORE_EXACT} AS score FROM vehicles v WHERE v.vin = $4`,
      [vin],
      'vin',
    ),

  /** The last seven characters, as written in the service booklet; served by the right(vin, 7) index. */
  byVinLast7: (ctx: SearchContext, last7: string) =>
    vehicleQuery(
      ctx,
      `SELECT ${VEHICLE_COLUMNS}, ${SCORE_PARTIAL} AS score FROM vehicles v WHERE right(v.vin, 7) = $4 ORDER BY v.vin`,
      [last7],
      'vin',
    ),
};
