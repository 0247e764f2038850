import type { z } from 'zod';
import { type TestApp, testLocation } from '@test/support/app';
import type { DepartmentKind, Locale, Role } from '@shared/org/enums';
import type { AssignmentRuleInput } from '@shared/requests/assignment';
import type { RequestStatus } from '@shared/requests/enums';
import { personInput } from '../contacts/test-factories';
import type { DecisionRequest } from './service';

let counter = 0;

/** A colleague with a real name, so explanations read naturally. */
export async function makeUser(
  t: TestApp,
  role: Role,
  options: {
    firstName?: string;
    lastName?: string;
    locationId?: string;
    extraLocationIds?: string[];
    active?: boolean;
    department?: DepartmentKind | null;
    locale?: Locale;
  } = {},
): Promise<{ id: string; displayName: string; email: string }> {
  const n = ++counter;
  const firstName = options.firstName ?? 'Person';
  const lastName = options.lastName ?? `Nummer${n}`;
  const email = `${firstName}.${lastName}.${n}@autohaus.test`.toLowerCase();
  const { user } = await t.services.org.createUser(
    null,
    {
      email,
      firstName,
      lastName,
      role,
      homeLocationId: options.locationId ?? t.location.id,
      locationIds: options.extraLocationIds ?? [],
      department: options.department ?? null,
      phoneExtension: null,
      locale: options.locale ?? 'de',
      active: options.active ?? true,
      password: 'correct-horse-battery',
    },
    { mustChangePassword: false },
  );
  return { id: user.id, displayName: user.displayName, email };
}

export async function makeLocation(t: TestApp, name: string): Promise<string> {
  const code = `L${++counter}`;
  const location = await t.services.org.createLocation(null, testLocation({ name, code }));
  return location.id;
}

/** A customer with a regular sales consultant and/or service advisor. */
export async function makeContact(
  t: TestApp,
  staff: { salesConsultantId?: string | null; serviceAdvisorId?: string | null } = {},
): Promise<string> {
  const contact = await t.services.contacts.create(null, personInput(t.location.id, staff) as never);
  return contact.id;
}

/** Rules are written straight through the service: the routes have their own tests. */
export async function makeRule(
  t: TestApp,
  input: Partial<z.input<typeof AssignmentRuleInput>> & { strategy: z.input<typeof AssignmentRuleInput>['strategy'] },
) {
  const admin = await adminActor(t);
  return t.services.assignment.rules.create(admin, {
    name: `Regel ${++counter}`,
    active: true,
    userId: null,
    groupUserIds: [],
    notifyManager: false,
    notifyDeputy: true,
    ...input,
    match: { types: [], locationIds: [], brands: [], sources: [], ...input.match },
  });
}

const admins = new WeakMap<TestApp, string>();
async function adminActor(t: TestApp) {
  let adminId = admins.get(t);
  if (!adminId) {
    adminId = (await makeUser(t, 'admin', { firstName: 'Ada', lastName: 'Admin' })).id;
    admins.set(t, adminId);
  }
  return {
    kind: 'user' as const,
    userId: adminId,
    role: 'admin' as const,
    email: 'ada@autohaus.test',
    displayName: 'Ada Admin',
    homeLocationId: t.location.id,
    locationIds: [t.location.id],
    locale: 'de' as const,
    mustChangePassword: false,
    sessionId: 'test',
    csrfToken: 'test',
  };
}

/** Removes every rule, so each test starts from an empty rule list. */
export async function clearRules(t: TestApp) {
  await t.database.query('DELETE FROM assignment_rules');
  await t.database.query('DELETE FROM absences');
}

export function decideNow(t: TestApp, input: Partial<DecisionRequest> = {}) {
  return t.database.db.transaction((tx) =>
    t.services.assignment.decide(tx, { type: 'service_appointment', locationId: t.location.id, ...input }),
  );
}

export async function absent(
  t: TestApp,
  userId: string,
  startsOn: string,
  endsOn: string,
  deputyId: string | null = null,
  kind: 'holiday' | 'sick' | 'training' | 'other' = 'holiday',
) {
  await t.database.query(
    'INSERT INTO absences (user_id, kind, starts_on, ends_on, deputy_id) VALUES ($1, $2, $3, $4, $5)',
    [userId, kind, startsOn, endsOn, deputyId],
  );
}

/** A request row as the requests module stores it; only what workload counting looks at. */
export async function insertRequest(
  t: TestApp,
  row: { assigneeId: string; status?: RequestStatus; assignedAt?: string; contactId: string },
) {
  await t.database.query(
    `INSERT INTO customer_requests (number, type, channel, location_id, subject, contact_id, status, assignee_id, assigned_at, received_at)
     VALUES ('A-' || nextval('request_number_seq'), 'service_appointment', 'phone', $1, 'Inspektion', $2, $3, $4, $5, $5)`,
    [t.location.id, row.contactId, row.status ?? 'assigned', row.assigneeId, row.assignedAt ?? '2026-03-01T09:00:00Z'],
  );
}
