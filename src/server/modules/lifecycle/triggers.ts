import type { LifecycleTrigger } from '@shared/lifecycle/rules';
import { vehicleMileageSql as km } from '@server/modules/vehicles';

/*
 * Each trigger as SQL over the vehicle row `v`: a cheap pre-filter (index-backed where it can be),
 * the occurrence (the event the action belongs to: one action per vehicle, rule and occurrence)
 * and the due day. `T` is the run's day and `L` the look-back in days, both SQL expressions; `N`
 * is the rule's amount, an integer literal. Event triggers stop once the event has passed.
 */
export interface TriggerSql {
  where: string;
  occurrence: string;
  due: string;
  /** Still relevant on the run's day (the contract or warranty has not ended yet). */
  relevant: string;
  /** The day a rule's phase is checked on; the occurrence unless it is no day. */
  phaseDay?: string;
}

/**
 * Mileage occurrences are the number k of the multiple (k × N km), stored in the date column as
 * day k after 1 January of the year 1: the unique index keeps each multiple once per vehicle even
 * when later readings move its estimated day.
 */
const MULTIPLE_EPOCH = `'0001-01-01'::date`;

export function triggerSql(trigger: LifecycleTrigger, n: number, T: string, L: string, leadDays = 0): TriggerSql {
  const N = Math.trunc(n);
  const D = Math.trunc(leadDays);
  switch (trigger) {
    case 'days_after_delivery':
      return {
        where: `v.delivery_date BETWEEN (${T} - ${L} - ${N}) AND (${T} - ${N})`,
        occurrence: `(v.delivery_date + ${N})`,
        due: `(v.delivery_date + ${N})`,
        relevant: 'true',
      };
    case 'months_after_delivery': {
      const occ = `(v.delivery_date + make_interval(months => ${N}))::date`;
      return {
        // A few days' slack around the month arithmetic; the exact day is checked on `due`.
        where: `v.delivery_date BETWEEN ((${T} - ${L}) - make_interval(months => ${N}))::date - 4
                                    AND (${T} - make_interval(months => ${N}))::date + 4`,
        occurrence: occ,
        due: occ,
        relevant: 'true',
      };
    }
    case 'months_before_financing_end':
      return {
        where: `v.financing_type <> 'none' AND v.financing_end >= ${T}`,
        occurrence: 'v.financing_end',
        due: `(v.financing_end - make_interval(months => ${N}))::date`,
        relevant: `v.financing_end >= ${T}`,
      };
    case 'days_before_warranty_end':
      return {
        where: `v.warranty_end >= ${T}`,
        occurrence: 'v.warranty_end',
        due: `(v.warranty_end - ${N})`,
        relevant: `v.warranty_end >= ${T}`,
      };
    case 'days_before_service_contract_end':
      return {
        where: `v.service_contract_until >= ${T}`,
        occurrence: 'v.service_contract_until',
        due: `(v.service_contract_until - ${N})`,
        relevant: `v.service_contract_until >= ${T}`,
      };
    case 'annual_service': {
      // The latest anniversary of the delivery on or before T + N: due N days before it.
      const years = `extract(year from age((${T} + ${N})::timestamp, v.delivery_date::timestamp))::int`;
      const occ = `(v.delivery_date + make_interval(years => ${years}))::date`;
      return {
        where: `v.delivery_date <= (${T} + ${N}) - 365`,
        occurrence: occ,
        due: `(${occ} - ${N})`,
        relevant: `${occ} >= ${T} - ${L}`,
      };
    }
    case 'main_inspection': {
      // First HU 3 years after first registration (a new car), then every 2 years.
      const years = `extract(year from age((${T} + ${N})::timestamp, v.first_registration::timestamp))::int`;
      const k = `(3 + 2 * ((${years} - 3) / 2))`;
      const occ = `(v.first_registration + make_interval(years => ${k}))::date`;
      return {
        where: `v.first_registration <= (${T} + ${N}) - 1095`,
        occurrence: occ,
        due: `(${occ} - ${N})`,
        relevant: `${occ} >= ${T} - ${L}`,
      };
    }
    case 'service_by_mileage': {
      // k: the highest multiple the estimate reaches D days from now; due D days before it does.
      // Only the latest multiple is looked at: a car passing two in one look-back window gets one.
      const k = `floor(${km.kmOn('v', `(${T} + ${D})`)} / ${N})::int`;
      const due = `(${km.dayReaching('v', `(${k} * ${N})`)} - ${D})`;
      return {
        where: `${km.hasEstimate('v')} AND ${km.kmOn('v', `(${T} + ${D})`)} >= ${N}`,
        occurrence: `(${MULTIPLE_EPOCH} + ${k})`,
        due,
        relevant: 'true',
        phaseDay: due,
      };
    }
  }
}
