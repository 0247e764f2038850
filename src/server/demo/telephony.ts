import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { locations, users } from '../modules/org/tables';
import { telephonyConnections, telephonyExtensions, trackingNumbers } from '../modules/telephony/tables';

/**
 * The demo group's phone set-up, so the telephony admin shows a working
 * configuration on first start: the München house's phone system posting to
 * the generic webhook, every München employee's extension mapped, and two
 * tracking numbers of the kind dealers print in ads.
 */
export async function seedDemoTelephony(database: Database): Promise<void> {
  const { db } = database;
  const [munich] = await db.select().from(locations).where(eq(locations.code, 'MUC'));
  if (!munich) return;
  const staff = await db
    .select({ id: users.id, role: users.role, extension: users.phoneExtension })
    .from(users)
    .where(and(eq(users.homeLocationId, munich.id), isNotNull(users.phoneExtension), eq(users.active, true)));
  await db.transaction(async (tx) => {
    const [connection] = await tx
      .insert(telephonyConnections)
      .values({ provider: 'webhook', name: 'Telefonanlage München', locationId: munich.id, state: 'connected' })
      .returning({ id: telephonyConnections.id });
    if (staff.length > 0)
      await tx
        .insert(telephonyExtensions)
        .values(staff.map((s) => ({ connectionId: connection!.id, extension: s.extension!, userId: s.id })));
    const sales = staff.filter((s) => s.role === 'sales').map((s) => s.id);
    const service = staff.find((s) => s.role === 'service');
    await tx.insert(trackingNumbers).values([
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
