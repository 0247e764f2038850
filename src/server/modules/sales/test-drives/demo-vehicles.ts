import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DemoVehicle,
  DemoVehicleBlock,
  DemoVehicleBlockInput,
  DemoVehicleInput,
  DemoVehicleUpdate,
} from '@shared/sales/test-drives';
import { formatPlate, normalizePlate, normalizeVin, vinProblem } from '@shared/vehicles/normalize';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ForbiddenError, type FieldError, NotFoundError, ValidationError } from '@server/http/errors';
import { assertLocation, type UserActor } from '@server/http/access';
import { demoVehicleBlocks, demoVehicles } from '../tables';

export type DemoVehicleRow = typeof demoVehicles.$inferSelect;
type BlockRow = typeof demoVehicleBlocks.$inferSelect;

/** "VW ID.4 M-AB 123": how a demo car is named in conflicts, lists and the calendar. */
export const carLabel = (car: Pick<DemoVehicleRow, 'make' | 'model' | 'plate'>) =>
  `${car.make} ${car.model} ${car.plate}`;

const presentBlock = (b: BlockRow): DemoVehicleBlock => ({
  id: b.id,
  demoVehicleId: b.demoVehicleId,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
  reason: b.reason,
});

function present(car: DemoVehicleRow, blocks: BlockRow[]): DemoVehicle {
  return {
    id: car.id,
    locationId: car.locationId,
    make: car.make,
    model: car.model,
    variant: car.variant,
    plate: car.plate,
    vin: car.vin,
    mileageKm: car.mileageKm,
    active: car.active,
    label: carLabel(car),
    blocks: blocks.filter((b) => b.demoVehicleId === car.id).map(presentBlock),
  };
}

const isManager = (actor: UserActor) => actor.role === 'admin' || actor.role === 'manager';

/** Plate and VIN checked and written the way the vehicles module keeps them. */
async function identity(
  tx: DbOrTx,
  input: { plate?: string; vin?: string | null },
  exceptId: string | null,
): Promise<{ plate?: string; vin?: string | null }> {
  const errors: FieldError[] = [];
  const out: { plate?: string; vin?: string | null } = {};
  if (input.plate !== undefined) {
    const formatted = formatPlate(input.plate);
    if (!formatted) {
      errors.push({ field: 'plate', in: 'body', code: 'invalid_plate', message: 'is not a German licence plate' });
    } else {
      const key = normalizePlate(formatted);
      const others = await tx.select({ id: demoVehicles.id, plate: demoVehicles.plate }).from(demoVehicles);
      if (others.some((o) => o.id !== exceptId && normalizePlate(o.plate) === key)) {
        errors.push({ field: 'plate', in: 'body', code: 'already_in_use', message: 'another demo car has this plate' });
      }
      out.plate = formatted;
    }
  }
  if (input.vin !== undefined) {
    if (!input.vin) out.vin = null;
    else {
      const problem = vinProblem(input.vin);
      if (problem) errors.push({ field: 'vin', in: 'body', code: 'invalid_vin', message: problem });
      else out.vin = normalizeVin(input.vin);
    }
  }
  if (errors.length) throw new ValidationError(errors);
  return out;
}

/** Demo cars (Vorführwagen) per location and the times they are away; managers of the location keep them. */
export function createDemoVehicles({ db, clock }: Deps) {
  async function load(tx: DbOrTx, id: string, lock = false) {
    const query = tx.select().from(demoVehicles).where(eq(demoVehicles.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new NotFoundError('Demo vehicle');
    return row;
  }

  async function manageable(tx: DbOrTx, actor: UserActor, id: string, lock = false) {
    const row = await load(tx, id, lock);
    assertLocation(actor, row.locationId);
    if (!isManager(actor)) throw new ForbiddenError('Demo cars are kept by the managers of the location.');
    return row;
  }

  async function withBlocks(tx: DbOrTx, cars: DemoVehicleRow[]): Promise<DemoVehicle[]> {
    if (cars.length === 0) return [];
    const blocks = await tx
      .select()
      .from(demoVehicleBlocks)
      .where(
        and(
          inArray(
            demoVehicleBlocks.demoVehicleId,
            cars.map((c) => c.id),
          ),
          gt(demoVehicleBlocks.endsAt, clock.now()),
        ),
      )
      .orderBy(asc(demoVehicleBlocks.startsAt));
    return cars.map((c) => present(c, blocks));
  }

  return {
    load,

    /** A location's demo cars with their coming blocks; everyone who works there reads them. */
    async list(actor: UserActor, locationId: string, includeInactive: boolean): Promise<{ items: DemoVehicle[] }> {
      assertLocation(actor, locationId);
      const cars = await db
        .select()
        .from(demoVehicles)
        .where(
          and(eq(demoVehicles.locationId, locationId), includeInactive ? undefined : eq(demoVehicles.active, true)),
        )
        .orderBy(asc(demoVehicles.make), asc(demoVehicles.model), asc(demoVehicles.plate));
      return { items: await withBlocks(db, cars) };
    },

    async get(actor: UserActor, id: string): Promise<DemoVehicle> {
      const car = await load(db, id);
      assertLocation(actor, car.locationId);
      return (await withBlocks(db, [car]))[0]!;
    },

    async create(actor: UserActor, input: z.output<typeof DemoVehicleInput>): Promise<DemoVehicle> {
      assertLocation(actor, input.locationId);
      if (!isManager(actor)) throw new ForbiddenError('Demo cars are kept by the managers of the location.');
      const car = await db.transaction(async (tx) => {
        const checked = await identity(tx, input, null);
        const now = clock.now();
        const [row] = await tx
          .insert(demoVehicles)
          .values({
            locationId: input.locationId,
            make: input.make,
            model: input.model,
            variant: input.variant ?? null,
            plate: checked.plate!,
            vin: checked.vin ?? null,
            mileageKm: input.mileageKm ?? null,
            active: input.active,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return row!;
      });
      return present(car, []);
    },

    async update(actor: UserActor, id: string, input: z.output<typeof DemoVehicleUpdate>): Promise<DemoVehicle> {
      const car = await db.transaction(async (tx) => {
        await manageable(tx, actor, id, true);
        const checked = await identity(tx, input, id);
        const [row] = await tx
          .update(demoVehicles)
          .set({
            ...(input.make !== undefined && { make: input.make }),
            ...(input.model !== undefined && { model: input.model }),
            ...(input.variant !== undefined && { variant: input.variant }),
            ...(input.mileageKm !== undefined && { mileageKm: input.mileageKm }),
            ...(input.active !== undefined && { active: input.active }),
            ...checked,
            updatedAt: clock.now(),
          })
          .where(eq(demoVehicles.id, id))
          .returning();
        return row!;
      });
      return (await withBlocks(db, [car]))[0]!;
    },

    /** The car is away (workshop, fair …); bookings already in that time stay and are the manager's to move. */
    async addBlock(
      actor: UserActor,
      id: string,
      input: z.output<typeof DemoVehicleBlockInput>,
    ): Promise<DemoVehicleBlock> {
      const row = await db.transaction(async (tx) => {
        await manageable(tx, actor, id, true);
        const [block] = await tx
          .insert(demoVehicleBlocks)
          .values({
            demoVehicleId: id,
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
            reason: input.reason,
            createdById: actor.userId,
            createdAt: clock.now(),
          })
          .returning();
        return block!;
      });
      return presentBlock(row);
    },

    async removeBlock(actor: UserActor, id: string, blockId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await manageable(tx, actor, id, true);
        const gone = await tx
          .delete(demoVehicleBlocks)
          .where(and(eq(demoVehicleBlocks.id, blockId), eq(demoVehicleBlocks.demoVehicleId, id)))
          .returning({ id: demoVehicleBlocks.id });
        if (gone.length === 0) throw new NotFoundError('Block');
      });
    },
  };
}

export type DemoVehiclesService = ReturnType<typeof createDemoVehicles>;
