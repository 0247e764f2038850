import type { z } from 'zod';
import type {
  ConsentHistoryEntry,
  ContactPage,
  DuplicateCandidate,
  ContactListItem,
  Contact,
} from '@shared/contacts/schemas';
import type { TimelinePage, TimelineEntry } from '@shared/timeline/schemas';
import type { ContactVehicle, Vehicle } from '@shared/vehicles/schemas';
import type { Role } from '@shared/org/enums';

export type { Contact, ContactListItem, DuplicateCandidate, TimelineEntry, Vehicle };
export type ContactPageData = z.infer<typeof ContactPage>;
export type ConsentHistory = z.infer<typeof ConsentHistoryEntry>;
export type TimelinePageData = z.infer<typeof TimelinePage>;
export type ContactVehicleItem = z.infer<typeof ContactVehicle>;

/** A colleague as offered in pickers (GET /api/users/directory). */
export interface DirectoryEntry {
  id: string;
  displayName: string;
  role: Role;
  homeLocationId: string;
  locationIds: string[];
  active: boolean;
}
