import type { LifecycleTrigger } from '@shared/lifecycle/rules';

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
}

export function triggerSql(trigger: LifecycleTrigger, n: number, T: string, L: string): TriggerSql {
  const N = Math.trunc(n);
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
  }
}
