/*
 * The phase of src/shared/lifecycle/phase.ts as a SQL expression, so that thousands of vehicles
 * are filtered or counted in one statement. Same counting: whole months as a person counts them
 * (PostgreSQL's age() borrows days the same way monthsSince does), month 1 from the delivery day.
 */

/** The running month since delivery on `day` (both SQL date expressions); 0 before delivery. */
export const monthOfOwnershipSql = (delivered: string, day: string) =>
  `(CASE WHEN ${day} < ${delivered} THEN 0
         ELSE (extract(year from age(${day}, ${delivered})) * 12 + extract(month from age(${day}, ${delivered})))::int + 1 END)`;

/** The phase key on `day` of a vehicle delivered on `delivered`; null before delivery or without a date. */
export const phaseSql = (delivered: string, day: string) => {
  const month = monthOfOwnershipSql(delivered, day);
  return `(CASE WHEN ${delivered} IS NULL OR ${day} < ${delivered} THEN NULL
                WHEN ${month} <= 6 THEN 'getting_to_know'
                WHEN ${month} <= 28 THEN 'usage'
                WHEN ${month} <= 36 THEN 'reorientation'
                ELSE 'after36' END)`;
};
