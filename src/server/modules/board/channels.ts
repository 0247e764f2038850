import { and, eq, inArray } from 'drizzle-orm';
import type { DepartmentKind } from '@shared/org/enums';
import type { DbOrTx } from '@server/db/client';
import { activeLocationDepartments, type Person } from '@server/modules/org';
import { boardChannels } from './tables';

export interface ChannelRow {
  id: string;
  kind: 'group' | 'location' | 'department';
  locationId: string | null;
  department: DepartmentKind | null;
}

/** Who reads a channel: all for the group's; a location's people for theirs; a department's own people and the location's managers for a department's. */
export function canSee(person: Pick<Person, 'role' | 'department' | 'locationIds'>, channel: ChannelRow): boolean {
  if (channel.kind === 'group' || person.role === 'admin') return true;
  if (!channel.locationId || !person.locationIds.includes(channel.locationId)) return false;
  if (channel.kind === 'location') return true;
  return person.role === 'manager' || person.department === channel.department;
}

/**
 * Makes the channels every active location and department should have — the group's, one per
 * location, one per department — so a new location has its channels the first time anyone
 * opens the board. Concurrent callers insert each channel once (the key is unique).
 */
export async function ensureChannels(db: DbOrTx): Promise<void> {
  const places = await activeLocationDepartments(db);
  const wanted = [
    { kind: 'group', locationId: null, department: null, key: 'group' },
    ...places.flatMap((p) => [
      { kind: 'location', locationId: p.locationId, department: null, key: `location:${p.locationId}` },
      ...p.departments.map((department) => ({
        kind: 'department',
        locationId: p.locationId,
        department,
        key: `department:${p.locationId}:${department}`,
      })),
    ]),
  ];
  await db.insert(boardChannels).values(wanted).onConflictDoNothing();
}

export async function allChannels(db: DbOrTx): Promise<ChannelRow[]> {
  const rows = await db
    .select({
      id: boardChannels.id,
      kind: boardChannels.kind,
      locationId: boardChannels.locationId,
      department: boardChannels.department,
    })
    .from(boardChannels);
  return rows as ChannelRow[];
}

export async function findChannel(db: DbOrTx, id: string): Promise<ChannelRow | null> {
  const [row] = await db
    .select({
      id: boardChannels.id,
      kind: boardChannels.kind,
      locationId: boardChannels.locationId,
      department: boardChannels.department,
    })
    .from(boardChannels)
    .where(eq(boardChannels.id, id));
  return (row as ChannelRow | undefined) ?? null;
}

/** A location's own channel (the one "to the board" posts into). */
export async function locationChannel(db: DbOrTx, locationId: string): Promise<ChannelRow | null> {
  const [row] = await db
    .select({
      id: boardChannels.id,
      kind: boardChannels.kind,
      locationId: boardChannels.locationId,
      department: boardChannels.department,
    })
    .from(boardChannels)
    .where(and(eq(boardChannels.kind, 'location'), inArray(boardChannels.locationId, [locationId])));
  return (row as ChannelRow | undefined) ?? null;
}
