import type { z } from 'zod';
import type { AssignmentDecision, AssignmentProbe } from '@shared/requests/assignment';
import type { DepartmentKind } from '@shared/org/enums';
import type { RequestType } from '@shared/requests/enums';
import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';
import type { Deps } from '@server/deps';
import { assertLocation, type UserActor } from '@server/http/access';
import { ValidationError } from '@server/http/errors';
import type { MailService } from '@server/integrations/mail/service';
import type { ContactsService } from '@server/modules/contacts';
import type { NotificationsService } from '@server/modules/notifications';
import type { OrgService } from '@server/modules/org';
import { createAbsencesService } from './absences';
import { type AnnounceInput, announce } from './announce';
import { type Decision, decide, type LineStatus, managersAt, NO_LINES } from './decide';
import { loadPeople, locationNames } from './people';
import { createRulesService } from './rules';
import { loadDirectory } from './directory';
import { cachedStaff, liveStaff } from './staff-reader';
import { VersionedValue } from '@server/db/reference-version';

export type { AnnounceInput, Announced } from './announce';
export type { CurrentAbsence } from './absences';
export type { Decision, LineStatus } from './decide';

export interface DecisionRequest {
  type: RequestType;
  locationId: string;
  brand?: string | null;
  source?: string | null;
  contactId?: string | null;
  department?: DepartmentKind | null;
  /** When the request came in; defaults to now. Absences are judged on its Berlin date. */
  at?: Date | string | null;
  /** The customer waits at the desk: prefer whoever is not on the phone now. */
  seenNow?: boolean;
}

export interface DecideOptions {
  /**
   * The reference version the caller read (outside any transaction that
   * changed staff or rules): the decision then reads them from memory.
   */
  referenceVersion?: number | null;
}

/** Carries the probe's answer out of the transaction it rolls back. */
class ProbeDone extends Error {
  constructor(readonly decision: z.infer<typeof AssignmentDecision>) {
    super('probe rolled back');
  }
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;

export function createAssignmentService(
  deps: Deps,
  _org: OrgService,
  contacts: ContactsService,
  notifications: NotificationsService,
  mail: MailService,
  /** Who is on the phone now (the telephony module, created after this one). */
  lines: LineStatus = NO_LINES,
) {
  const { db, clock } = deps;
  const absences = createAbsencesService(deps, lines);
  const rules = createRulesService(deps);

  // Intake decides on every request: it reads staff, absences and rules from memory,
  // checked against the reference version it read once for the request.
  const directory = new VersionedValue(() => loadDirectory(db));

  async function decideIn(tx: DbOrTx, input: DecisionRequest, options: DecideOptions = {}): Promise<Decision> {
    const staff =
      options.referenceVersion === undefined
        ? liveStaff(tx)
        : cachedStaff(await directory.get(options.referenceVersion));
    return decide(tx, { ...input, at: input.at ? new Date(input.at) : clock.now() }, staff, lines);
  }

  return {
    rules,
    absences,

    /**
     * Who gets a request (and who else hears of it), in the caller's
     * transaction; moves the round-robin pointer.
     */
    decide: decideIn,

    /** In-app notification and alert mails for an assignment, in the caller's transaction. */
    announce: (tx: DbOrTx, input: AnnounceInput, into?: WriteBatch) =>
      announce(tx, { notifications, mail }, input, into),

    /** Active managers working at the location; the active admins when it has none. */
    managersOf: (locationId: string, tx: DbOrTx = db): Promise<string[]> => managersAt(liveStaff(tx), locationId),

    /** Whether the person is away on the day (YYYY-MM-DD). Pass the transaction when inside one. */
    isAbsent: absences.isAbsent,

    /** The absence covering the day with its end date and deputy, or null. */
    currentAbsence: absences.currentAbsence,

    /** "Who would get this request?": decides in a transaction that is rolled back, so nothing moves. */
    async probe(
      actor: UserActor,
      input: z.output<typeof AssignmentProbe>,
    ): Promise<z.infer<typeof AssignmentDecision>> {
      if (!(await locationNames(db, [input.locationId])).has(input.locationId)) {
        throw new ValidationError([
          { field: 'locationId', in: 'body', code: 'unknown_location', message: 'unknown location' },
        ]);
      }
      // It names who is away and who stands in: a manager asks it for their own locations.
      assertLocation(actor, input.locationId);
      if (input.contactId && !(await contacts.exists(input.contactId))) {
        throw new ValidationError([
          { field: 'contactId', in: 'body', code: 'unknown_contact', message: 'unknown contact' },
        ]);
      }
      try {
        await db.transaction(async (tx) => {
          const d = await decideIn(tx, input);
          const people = await loadPeople(
            tx,
            [d.assigneeId, d.onBehalfOfId, ...d.notifyUserIds].filter((id): id is string => Boolean(id)),
          );
          const ref = (id: string | null) => {
            const p = id ? people.get(id) : undefined;
            return p ? { id: p.id, displayName: p.displayName } : null;
          };
          throw new ProbeDone({
            assignee: ref(d.assigneeId),
            onBehalfOf: ref(d.onBehalfOfId),
            rule: d.ruleId ? { id: d.ruleId, name: d.ruleName ?? '' } : null,
            explanation: d.explanation,
            notify: d.notifyUserIds.map(ref).filter((r) => r !== null),
            fallback: d.fallback
              ? {
                  reason: d.fallback.reason,
                  team: d.fallback.team,
                  via: d.fallback.via,
                  standsInFor: d.fallback.standsInFor
                    ? { id: d.fallback.standsInFor.id, displayName: d.fallback.standsInFor.displayName }
                    : null,
                }
              : null,
          });
        });
      } catch (err) {
        if (err instanceof ProbeDone) return err.decision;
        throw err;
      }
      throw new Error('unreachable: the probe transaction always rolls back');
    },
  };
}
