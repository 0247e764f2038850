import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { locations, users } from './tables';

export interface MailSender {
  userId: string;
  name: string;
  /** The user's own address: where the customer's replies go. */
  email: string;
  /** The location's number with the user's extension, else the location's number. */
  phone: string | null;
  location: { id: string; name: string; phone: string; email: string | null } | null;
}

/** Who writes to a customer, and from which location (the given one, else their home location). */
export async function mailSenderIn(tx: DbOrTx, userId: string, locationId: string | null): Promise<MailSender | null> {
  const [user] = await tx
    .select({
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      phoneExtension: users.phoneExtension,
      homeLocationId: users.homeLocationId,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [location] = await tx
    .select({ id: locations.id, name: locations.name, phone: locations.phone, email: locations.email })
    .from(locations)
    .where(eq(locations.id, locationId ?? user.homeLocationId));
  return {
    userId,
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    phone: location ? (user.phoneExtension ? `${location.phone}-${user.phoneExtension}` : location.phone) : null,
    location: location ?? null,
  };
}

/** A location writing on its own (an acknowledgement): its name, number and address. */
export async function locationSenderIn(
  tx: DbOrTx,
  locationId: string,
): Promise<{ id: string; name: string; phone: string; email: string | null } | null> {
  const [location] = await tx
    .select({ id: locations.id, name: locations.name, phone: locations.phone, email: locations.email })
    .from(locations)
    .where(eq(locations.id, locationId));
  return location ?? null;
}
