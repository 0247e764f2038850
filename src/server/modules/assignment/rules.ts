import { fieldError } from '@shared/errors/codes';
import type { z } from 'zod';
import type { AssignmentRule, AssignmentRuleInput, AssignmentRulePatch } from '@shared/requests/assignment';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '@server/http/errors';
import { recordAudit } from '@server/modules/audit';
import { loadPeople, locationNames } from './people';
import * as repo from './repo';
import { can } from '@shared/auth/policies';

type RuleInput = z.output<typeof AssignmentRuleInput>;
type RulePatch = z.output<typeof AssignmentRulePatch>;

const GROUP_STRATEGIES = new Set(['round_robin', 'least_loaded']);

/** Ordered assignment rules: managers keep those of their own locations, admins all. */
export function createRulesService({ db, clock }: Deps) {
  async function present(rows: repo.RuleRow[]): Promise<z.infer<typeof AssignmentRule>[]> {
    const people = await loadPeople(
      db,
      rows.flatMap((r) => [r.userId, ...r.groupUserIds].filter((id): id is string => Boolean(id))),
    );
    const ref = (id: string) => {
      const p = people.get(id);
      return p ? { id: p.id, displayName: p.displayName } : null;
    };
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      name: r.name,
      active: r.active,
      match: {
        types: r.match.types ?? [],
        locationIds: r.match.locationIds ?? [],
        brands: r.match.brands ?? [],
        sources: r.match.sources ?? [],
      },
      strategy: r.strategy,
      user: r.userId ? ref(r.userId) : null,
      groupUsers: r.groupUserIds.map(ref).filter((u) => u !== null),
      notifyManager: r.notifyManager,
      notifyDeputy: r.notifyDeputy,
    }));
  }

  /** Whether the rule applies only to locations of the actor (admins: every rule). */
  function mayManage(actor: UserActor, locationIds: string[] | undefined): boolean {
    if (actor.role === 'admin') return true;
    return Boolean(locationIds?.length) && locationIds!.every((id) => actor.locationIds.includes(id));
  }

  /** A manager may only touch rules that apply to their own locations and nowhere else. */
  function assertMayManage(actor: UserActor, locationIds: string[] | undefined) {
    if (actor.role === 'admin') return;
    if (!locationIds || locationIds.length === 0) {
      throw new ValidationError([
        {
          field: 'match.locationIds',
          in: 'body',
          code: 'own_location_required',
          message: 'name at least one of your locations',
        },
      ]);
    }
    if (locationIds.some((id) => !actor.locationIds.includes(id))) {
      throw new ForbiddenError('You may only set rules for your own locations.');
    }
  }

  /** Referenced people must exist and be active, locations must exist; and the strategy needs its people. */
  async function validate(rule: RuleInput) {
    const errors: FieldError[] = [];
    if (rule.strategy === 'fixed_user' && !rule.userId) {
      errors.push({ field: 'userId', in: 'body', code: 'required', message: 'choose the person' });
    }
    if (GROUP_STRATEGIES.has(rule.strategy) && rule.groupUserIds.length === 0) {
      errors.push({
        field: 'groupUserIds',
        in: 'body',
        ...fieldError('too_few', { min: 1 }),
        message: 'choose at least one person for the group',
      });
    }
    const people = await loadPeople(db, [...(rule.userId ? [rule.userId] : []), ...rule.groupUserIds]);
    if (rule.userId && !people.get(rule.userId)?.active) {
      errors.push({ field: 'userId', in: 'body', code: 'inactive_user', message: 'unknown or inactive user' });
    }
    rule.groupUserIds.forEach((id, i) => {
      if (!people.get(id)?.active)
        errors.push({
          field: `groupUserIds.${i}`,
          in: 'body',
          code: 'inactive_user',
          message: 'unknown or inactive user',
        });
    });
    const locationIds = rule.match.locationIds ?? [];
    const known = await locationNames(db, locationIds);
    locationIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          field: `match.locationIds.${i}`,
          in: 'body',
          code: 'unknown_location',
          message: 'unknown location',
        });
    });
    if (errors.length > 0) throw new ValidationError(errors);
  }

  function values(rule: RuleInput): repo.RuleValues {
    return {
      name: rule.name,
      active: rule.active,
      match: rule.match,
      strategy: rule.strategy,
      // Only a fixed-person rule names a single person; a stale one would confuse the editor.
      userId: rule.strategy === 'fixed_user' ? (rule.userId ?? null) : null,
      groupUserIds: [...new Set(rule.groupUserIds)],
      notifyManager: rule.notifyManager,
      notifyDeputy: rule.notifyDeputy,
    };
  }

  async function load(id: string) {
    const row = await repo.findRule(db, id);
    if (!row) throw new NotFoundError('Assignment rule');
    return row;
  }

  async function get(id: string) {
    return (await present([await load(id)]))[0]!;
  }

  return {
    /** Managers and admins see every rule; staff those that can apply at one of their locations. */
    async list(actor: UserActor) {
      const all = await repo.listRules(db);
      if (can(actor.role, 'assignment.rules.edit')) return present(all);
      return present(
        all.filter(
          (r) => !r.match.locationIds?.length || r.match.locationIds.some((id) => actor.locationIds.includes(id)),
        ),
      );
    },

    get,

    async create(actor: UserActor, input: RuleInput) {
      assertMayManage(actor, input.match.locationIds);
      await validate(input);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertRule(tx, values(input), clock.now());
        await recordAudit(tx, clock.now(), actor, {
          action: 'assignment_rule.created',
          entityType: 'assignment_rule',
          entityId: newId,
          data: { name: input.name, strategy: input.strategy },
        });
        return newId;
      });
      return get(id);
    },

    async update(actor: UserActor, id: string, patch: RulePatch) {
      const current = await load(id);
      assertMayManage(actor, current.match.locationIds);
      const merged: RuleInput = {
        name: patch.name ?? current.name,
        active: patch.active ?? current.active,
        match: patch.match ?? { types: [], locationIds: [], brands: [], sources: [], ...current.match },
        strategy: patch.strategy ?? current.strategy,
        userId: patch.userId !== undefined ? patch.userId : current.userId,
        groupUserIds: patch.groupUserIds ?? current.groupUserIds,
        notifyManager: patch.notifyManager ?? current.notifyManager,
        notifyDeputy: patch.notifyDeputy ?? current.notifyDeputy,
      };
      if (patch.match) assertMayManage(actor, patch.match.locationIds);
      await validate(merged);
      await db.transaction(async (tx) => {
        const next = values(merged);
        // A changed group starts its round from the top again.
        const groupChanged = next.groupUserIds!.join() !== current.groupUserIds.join();
        await repo.updateRule(tx, id, groupChanged ? { ...next, lastAssignedUserId: null } : next, clock.now());
        await recordAudit(tx, clock.now(), actor, {
          action: 'assignment_rule.updated',
          entityType: 'assignment_rule',
          entityId: id,
          data: { fields: Object.keys(patch) },
        });
      });
      return get(id);
    },

    async remove(actor: UserActor, id: string): Promise<void> {
      const current = await load(id);
      assertMayManage(actor, current.match.locationIds);
      await db.transaction(async (tx) => {
        await repo.deleteRule(tx, id);
        await recordAudit(tx, clock.now(), actor, {
          action: 'assignment_rule.deleted',
          entityType: 'assignment_rule',
          entityId: id,
          data: { name: current.name },
        });
      });
    },

    /** The complete list of rule ids in the new order; anything else is refused. */
    async reorder(actor: UserActor, ids: string[]) {
      const all = await repo.listRules(db);
      const known = new Set(all.map((r) => r.id));
      const unique = new Set(ids);
      if (unique.size !== ids.length || unique.size !== known.size || ids.some((id) => !known.has(id))) {
        throw new ValidationError([
          { field: 'ids', in: 'body', code: 'invalid', message: 'must list every rule exactly once' },
        ]);
      }
      // A manager moves their own rules among the others; the rules of other locations keep their order.
      // A rule of the manager's locations matches only requests there, so where it stands among the others
      // changes nothing elsewhere.
      const byId = new Map(all.map((r) => [r.id, r]));
      const others = (order: string[]) => order.filter((id) => !mayManage(actor, byId.get(id)!.match.locationIds));
      if (others(all.map((r) => r.id)).join() !== others(ids).join()) {
        throw new ForbiddenError('You may only move the rules of your own locations; the others keep their order.');
      }
      await db.transaction(async (tx) => {
        await repo.setPositions(tx, ids, clock.now());
        await recordAudit(tx, clock.now(), actor, {
          action: 'assignment_rule.reordered',
          entityType: 'assignment_rule',
          data: { ids },
        });
      });
      return present(await repo.listRules(db));
    },
  };
}
