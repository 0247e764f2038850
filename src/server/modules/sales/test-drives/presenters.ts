import { inArray } from 'drizzle-orm';
import type { TestDriveStatus } from '@shared/sales/enums';
import type { TestDrive } from '@shared/sales/test-drives';
import type { DbOrTx } from '@server/db/client';
import { contactRefs } from '@server/modules/contacts';
import { userNames } from '@server/modules/org';
import type { testDrives } from '../tables';
import { demoVehicles } from '../tables';
import { carLabel } from './demo-vehicles';

type Row = typeof testDrives.$inferSelect;

/** Test drives as the API shows them: customer, consultant and car by name. */
export async function presentTestDrives(tx: DbOrTx, rows: Row[]): Promise<TestDrive[]> {
  if (rows.length === 0) return [];
  const [contacts, users, cars] = await Promise.all([
    contactRefs(
      tx,
      rows.map((r) => r.contactId),
    ),
    userNames(tx, [
      ...new Set(rows.flatMap((r) => [r.consultantId, r.licenceCheckedById]).filter((x): x is string => Boolean(x))),
    ]),
    tx
      .select()
      .from(demoVehicles)
      .where(
        inArray(
          demoVehicles.id,
          rows.map((r) => r.demoVehicleId),
        ),
      ),
  ]);
  const carOf = new Map(cars.map((c) => [c.id, c]));
  const user = (id: string | null) => (id ? { id, displayName: users.get(id) ?? '—' } : null);
  return rows.map((r) => {
    const car = carOf.get(r.demoVehicleId)!;
    const contact = contacts.get(r.contactId);
    return {
      id: r.id,
      status: r.status as TestDriveStatus,
      locationId: r.locationId,
      contact: {
        id: r.contactId,
        displayName: contact?.displayName ?? '—',
        customerNumber: contact?.customerNumber ?? '',
      },
      opportunityId: r.opportunityId,
      consultant: user(r.consultantId)!,
      demoVehicle: { id: car.id, label: carLabel(car), plate: car.plate },
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      licenceNumber: r.licenceNumber,
      licenceAuthority: r.licenceAuthority,
      licenceCheckedBy: user(r.licenceCheckedById),
      licenceCheckedAt: r.licenceCheckedAt?.toISOString() ?? null,
      outAt: r.outAt?.toISOString() ?? null,
      backAt: r.backAt?.toISOString() ?? null,
      mileageOutKm: r.mileageOutKm,
      mileageBackKm: r.mileageBackKm,
      note: r.note,
      activityId: r.activityId,
      agreementDocumentId: r.agreementDocumentId,
      version: r.version,
    };
  });
}
