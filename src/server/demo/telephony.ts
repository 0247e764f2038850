import { activeStaffWithExtensionAt, findLocationByCode } from '@server/modules/org';
import { insertConnection, insertExtensions, insertTrackingNumbers } from '@server/modules/telephony';
import type { Database } from '../db/client';

/**
 * The demo group's phone set-up, so the telephony admin shows a working
 * configuration on first start: the München house's phone system posting to
 * the generic webhook, every München employee's extension mapped, and two
 * tracking numbers of the kind dealers print in ads.
 */
export async function seedDemoTelephony(database: Database): Promise<void> {
  const { db } = database;
  const munich = await findLocationByCode(db, 'MUC');
  if (!munich) return;
  const staff = await activeStaffWithExtensionAt(db, munich.id);
  await db.transaction(async (tx) => {
    const connectionId = await insertConnection(tx, {
      provider: 'webhook',
      name: 'Telefonanlage München',
      locationId: munich.id,
      state: 'connected',
    });
    if (staff.length > 0)
      await insertExtensions(
        tx,
        staff.map((s) => ({ connectionId, extension: s.extension!, userId: s.id })),
      );
    const sales = staff.filter((s) => s.role === 'sales').map((s) => s.id);
    const service = staff.find((s) => s.role === 'service');
    await insertTrackingNumbers(tx, [
      {
        number: '+4989998877100',
        label: 'mobile.de Gebrauchtwagen-Inserate',
        source: 'mobile.de',
        campaign: 'Gebrauchtwagen',
        channel: 'lead_portal',
        locationId: munich.id,
        routeGroupUserIds: sales,
      },
      {
        number: '+4989998877200',
        label: 'Google Ads Werkstatt-Aktion',
        source: 'Google Ads',
        campaign: 'Wintercheck',
        channel: 'phone',
        locationId: munich.id,
        routeUserId: service?.id ?? null,
      },
    ]);
  });
}
