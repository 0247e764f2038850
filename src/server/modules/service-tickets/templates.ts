import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ProcessTemplate, ProcessTemplateInput } from '@shared/service-tickets/schemas';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { locationNames } from '@server/modules/org';
import type { DbOrTx } from '@server/db/client';
import { presentTemplates } from './presenters';
import * as repo from './repo';

type Input = z.output<typeof ProcessTemplateInput>;

/** Admins edit every process; managers those of their locations and the group-wide ones; others read. */
export function mayEditTemplate(actor: UserActor, locationId: string | null): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'manager') return false;
  return locationId === null || actor.locationIds.includes(locationId);
}

const mayRead = (actor: UserActor, row: repo.TemplateRow) =>
  actor.role === 'admin' || row.locationId === null || actor.locationIds.includes(row.locationId);

function stepsOf(input: Input): repo.NewTemplateStep[] {
  return input.steps.map((s, i) => ({
    position: i + 1,
    title: s.title,
    role: s.role,
    expectedMinutes: Math.round(s.expectedHours * 60),
    expectedCostCents: s.expectedCostCents,
    activityType: s.activityType,
  }));
}

/**
 * Service processes (R4.6): ordered steps with role, working hours, cost and the activity each
 * creates. A change is a new version; the tickets running on the old one keep it.
 */
export function createTemplates({ db, clock }: Deps) {
  const present = (actor: UserActor, rows: repo.TemplateRow[], tx: DbOrTx = db) =>
    presentTemplates(tx, rows, (r) => r.current && mayEditTemplate(actor, r.locationId));

  async function checkInput(tx: DbOrTx, actor: UserActor, input: Input) {
    if (input.locationId && !(await locationNames(tx, [input.locationId])).has(input.locationId)) {
      throw new ValidationError([
        { field: 'locationId', in: 'body', code: 'unknown_location', message: 'unknown location' },
      ]);
    }
    if (!mayEditTemplate(actor, input.locationId)) {
      throw new ForbiddenError('Only managers of the location (or admins) edit its service processes.');
    }
  }

  return {
    async list(actor: UserActor): Promise<ProcessTemplate[]> {
      const rows = await repo.currentTemplates(db, actor.role === 'admin' ? null : actor.locationIds);
      return present(actor, rows);
    },

    /** Any version, current or not: a ticket links to the one it started with. */
    async get(actor: UserActor, id: string): Promise<ProcessTemplate> {
      const row = await repo.findTemplate(db, id);
      if (!row) throw new NotFoundError('Service process');
      if (!mayRead(actor, row)) throw new ForbiddenError('This service process belongs to another location.');
      return (await present(actor, [row]))[0]!;
    },

    async create(actor: UserActor, input: Input): Promise<ProcessTemplate> {
      const row = await db.transaction(async (tx) => {
        await checkInput(tx, actor, input);
        return repo.insertTemplate(
          tx,
          {
            familyId: randomUUID(),
            version: 1,
            name: input.name,
            activity: input.activity,
            locationId: input.locationId,
            current: true,
            createdById: actor.userId,
            createdAt: clock.now(),
          },
          stepsOf(input),
        );
      });
      return (await present(actor, [row]))[0]!;
    },

    /** Writes the next version; the edited one stays for the tickets running on it. */
    async update(actor: UserActor, id: string, input: Input): Promise<ProcessTemplate> {
      const row = await db.transaction(async (tx) => {
        const before = await repo.findTemplate(tx, id, true);
        if (!before) throw new NotFoundError('Service process');
        if (!mayEditTemplate(actor, before.locationId)) {
          throw new ForbiddenError('Only managers of the location (or admins) edit its service processes.');
        }
        if (!before.current) throw new ConflictError('A newer version of this process exists; reload it.');
        await checkInput(tx, actor, input);
        await repo.retireTemplate(tx, before.id);
        return repo.insertTemplate(
          tx,
          {
            familyId: before.familyId,
            version: before.version + 1,
            name: input.name,
            activity: input.activity,
            locationId: input.locationId,
            current: true,
            createdById: actor.userId,
            createdAt: clock.now(),
          },
          stepsOf(input),
        );
      });
      return (await present(actor, [row]))[0]!;
    },
  };
}
