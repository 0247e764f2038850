import type { z } from 'zod';
import type { Vehicle, VehicleLinkEndInput, VehicleLinkInput, VehicleTransferInput } from '@shared/vehicles/schemas';
import type { Tx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import { ConflictError, NotFoundError, ValidationError } from '@server/http/errors';
import type { ContactsService } from '@server/modules/contacts';
import { recordTimeline, type TimelineWrite } from '@server/modules/timeline';
import { authorOf } from '@server/http/actor';
import { linkableContact, pastInstant } from './helpers';
import type { ContactRefLike } from './presenters';
import * as repo from './repo';
import { linkedSummary, unlinkedSummary, vehicleLabel } from './summaries';

/** The timeline entry of a link that started: on the contact and on the vehicle alike. */
export function linkedEntry(
  actor: Actor | null,
  vehicle: repo.VehicleRow,
  link: repo.LinkRow,
  previous?: string,
): TimelineWrite {
  return {
    contactId: link.contactId,
    vehicleId: vehicle.id,
    kind: 'vehicle_linked',
    occurredAt: link.validFrom,
    authorId: authorOf(actor),
    ...linkedSummary(vehicleLabel(vehicle), link.role, previous),
    data: { linkId: link.id, role: link.role },
    sourceType: 'vehicle',
    sourceId: vehicle.id,
  };
}

function unlinkedEntry(
  actor: Actor | null,
  vehicle: repo.VehicleRow,
  link: repo.LinkRow,
  next?: string,
): TimelineWrite {
  return {
    contactId: link.contactId,
    vehicleId: vehicle.id,
    kind: 'vehicle_unlinked',
    occurredAt: link.validTo!,
    authorId: authorOf(actor),
    ...unlinkedSummary(vehicleLabel(vehicle), link.role, next),
    data: { linkId: link.id, role: link.role },
    sourceType: 'vehicle',
    sourceId: vehicle.id,
  };
}

/** Who is linked to a vehicle in which role, with the history kept when it changes hands. */
export function createLinkFunctions(
  { db, clock }: Deps,
  contacts: ContactsService,
  load: (id: string) => Promise<Vehicle>,
) {
  async function assertVehicle(id: string) {
    if (!(await repo.vehicleExists(db, id))) throw new NotFoundError('Vehicle');
  }

  async function lockedVehicle(tx: Tx, id: string) {
    const row = await repo.lockVehicle(tx, id);
    if (!row) throw new NotFoundError('Vehicle');
    return row;
  }

  function assertAfterStart(links: repo.LinkRow[], at: Date, field: string) {
    if (links.some((l) => l.validFrom.getTime() > at.getTime())) {
      throw new ValidationError([
        { field, in: 'body', code: 'before_link_start', message: 'must not be before the link started' },
      ]);
    }
  }

  return {
    async link(actor: Actor, vehicleId: string, input: z.output<typeof VehicleLinkInput>): Promise<Vehicle> {
      await assertVehicle(vehicleId);
      const validFrom = pastInstant(input.validFrom, 'validFrom', clock.now());
      await linkableContact(contacts, input.contactId, 'contactId');
      await db.transaction(async (tx) => {
        const vehicle = await lockedVehicle(tx, vehicleId);
        const current = await repo.currentLinksOfVehicles(tx, [vehicleId], [input.role]);
        if (current.some((l) => l.contactId === input.contactId)) {
          throw new ConflictError('This contact is already linked to the vehicle in this role.', [
            { field: 'contactId', in: 'body', code: 'already_linked', message: 'already linked in this role' },
          ]);
        }
        const [link] = await repo.insertLinks(tx, [
          { vehicleId, contactId: input.contactId, role: input.role, validFrom, createdBy: authorOf(actor) },
        ]);
        await repo.touchVehicle(tx, vehicleId, clock.now());
        await recordTimeline(tx, linkedEntry(actor, vehicle, link!));
      });
      return load(vehicleId);
    },

    async endLink(
      actor: Actor,
      vehicleId: string,
      linkId: string,
      input: z.output<typeof VehicleLinkEndInput> = {},
    ): Promise<Vehicle> {
      const at = pastInstant(input.at, 'at', clock.now());
      await db.transaction(async (tx) => {
        const vehicle = await lockedVehicle(tx, vehicleId);
        const link = await repo.findLink(tx, vehicleId, linkId);
        if (!link) throw new NotFoundError('Vehicle link');
        if (link.validTo) throw new ConflictError('This link has already ended.');
        assertAfterStart([link], at, 'at');
        const [ended] = await repo.endLinks(tx, [link.id], at);
        await repo.touchVehicle(tx, vehicleId, clock.now());
        await recordTimeline(tx, unlinkedEntry(actor, vehicle, ended!));
      });
      return load(vehicleId);
    },

    /**
     * A change of hands: every current link in the role ends and the new
     * contact is linked, in one transaction, so the vehicle is never without
     * its owner and the former one stays in its history.
     */
    async transfer(actor: Actor, vehicleId: string, input: z.output<typeof VehicleTransferInput>): Promise<Vehicle> {
      await assertVehicle(vehicleId);
      const at = pastInstant(input.at, 'at', clock.now());
      const to: ContactRefLike = await linkableContact(contacts, input.toContactId, 'toContactId');
      // Names for the timeline are read before the transaction: contacts reads through its own connection.
      const holders = await repo.currentLinksOfVehicles(db, [vehicleId], [input.role]);
      const names = await contacts.refs(holders.map((l) => l.contactId));
      await db.transaction(async (tx) => {
        const vehicle = await lockedVehicle(tx, vehicleId);
        const current = await repo.currentLinksOfVehicles(tx, [vehicleId], [input.role]);
        const alreadyLinked = current.some((l) => l.contactId === to.id);
        const leaving = current.filter((l) => l.contactId !== to.id);
        if (alreadyLinked && leaving.length === 0) {
          throw new ConflictError('The vehicle already belongs to this contact in this role.', [
            { field: 'toContactId', in: 'body', code: 'already_linked', message: 'already linked in this role' },
          ]);
        }
        assertAfterStart(leaving, at, 'at');
        const ended = await repo.endLinks(
          tx,
          leaving.map((l) => l.id),
          at,
        );
        const previous = ended
          .map((l) => names.get(l.contactId)?.displayName ?? '')
          .filter(Boolean)
          .join(', ');
        const entries = ended.map((l) => unlinkedEntry(actor, vehicle, l, to.displayName));
        if (!alreadyLinked) {
          const [link] = await repo.insertLinks(tx, [
            { vehicleId, contactId: to.id, role: input.role, validFrom: at, createdBy: authorOf(actor) },
          ]);
          entries.push(linkedEntry(actor, vehicle, link!, previous || undefined));
        }
        await repo.touchVehicle(tx, vehicleId, clock.now());
        await recordTimeline(tx, entries);
      });
      return load(vehicleId);
    },
  };
}
