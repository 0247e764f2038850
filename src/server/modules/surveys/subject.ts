import type { Activity } from '@shared/activities/schemas';
import type { Contact } from '@shared/contacts/schemas';
import type { Vehicle } from '@shared/vehicles/schemas';
import { ConflictError, ValidationError } from '@server/http/errors';
import type { UserActor } from '@server/http/access';
import type { ActivitiesService } from '@server/modules/activities';
import type { ContactsService } from '@server/modules/contacts';
import type { VehiclesService } from '@server/modules/vehicles';

export interface SurveySubject {
  contact: Contact;
  vehicle: Vehicle | null;
  activity: Activity | null;
  /** The house the answer counts for: the call's, else the car's, else the customer's home. */
  locationId: string;
}

export interface SubjectDeps {
  contacts: ContactsService;
  vehicles: VehiclesService;
  activities: ActivitiesService;
}

/**
 * Whom and what a survey is about, checked: the car must be the customer's, the activity one of
 * their open satisfaction calls (or another open activity of theirs: a call planned by hand).
 */
export async function surveySubject(
  { contacts, vehicles, activities }: SubjectDeps,
  actor: UserActor,
  input: { contactId: string; vehicleId: string | null; activityId: string | null },
): Promise<SurveySubject> {
  const contact = await contacts.get(input.contactId);
  const vehicle = input.vehicleId ? await vehicles.get(input.vehicleId) : null;
  if (vehicle && !vehicle.contacts.some((c) => c.contactId === contact.id)) {
    throw new ValidationError([
      { field: 'vehicleId', in: 'body', code: 'invalid', message: 'not a vehicle of this customer' },
    ]);
  }
  const activity = input.activityId ? await activities.get(actor, input.activityId) : null;
  if (activity && activity.contact?.id !== contact.id) {
    throw new ValidationError([
      { field: 'activityId', in: 'body', code: 'invalid', message: 'not an activity of this customer' },
    ]);
  }
  if (activity && activity.status !== 'open') {
    throw new ConflictError('This satisfaction call is done already.', [
      { field: 'activityId', code: 'invalid', message: 'the activity is no longer open' },
    ]);
  }
  const locationId = activity?.locationId ?? vehicle?.locationId ?? contact.homeLocationId;
  return { contact, vehicle, activity, locationId };
}

/** The car as the customer knows it: make and model, nothing that identifies it. */
export const modelOf = (vehicle: Pick<Vehicle, 'make' | 'model'> | null) =>
  vehicle ? `${vehicle.make} ${vehicle.model}`.trim() : null;
