import type { SQL } from 'drizzle-orm';

/** Ranges of delivery dates, each [from, to] inclusive (null: open end). */
export type DeliveryRange = [string | null, string | null];

/**
 * Filters of the customer list over data other modules own. The customer list filters by the
 * lifecycle phase of the vehicles a customer holds, but vehicles sit above contacts: the vehicles
 * module provides the condition (over the contact aliased `c`) when the services are wired.
 */
export class ContactListFilters {
  private holdsDeliveredIn: ((range: DeliveryRange) => SQL) | null = null;

  provideHoldsVehicleDeliveredIn(condition: (range: DeliveryRange) => SQL): void {
    this.holdsDeliveredIn = condition;
  }

  /** Whether the contact `c` holds a vehicle delivered within the range. */
  holdsVehicleDeliveredIn(range: DeliveryRange): SQL {
    if (!this.holdsDeliveredIn) throw new Error('The vehicles module has not provided the customer list its filter.');
    return this.holdsDeliveredIn(range);
  }
}
