import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import type { DepartmentKind } from '@shared/org/enums';
import type { FallbackTeam } from '@shared/requests/assignment';
import type { RequestType } from '@shared/requests/enums';
import type { Person } from './people';
import type { PresenceBook } from './presence';
import { absenceText } from './wording';

/** What a request needs to find its management when no rule (or nobody of the rule) takes it. */
export interface FallbackTarget {
  type: RequestType;
  locationId: string;
  /** The department the request names (a callback "for sales"); null when none. */
  department?: DepartmentKind | null;
}

/**
 * Which management takes a request nobody else takes (R3.1), in one place.
 * Sales leads belong to sales; service appointments, parts requests and
 * complaints to after-sales (service and parts; a parts request asks the
 * parts manager first). Callbacks and general inquiries have no department of
 * their own: they go to the one the request names, else to the location's
 * managers. A complaint naming sales (a delivery postponed again, R0.6) goes
 * to sales.
 */
export function fallbackTeam(type: RequestType, named: DepartmentKind | null | undefined): FallbackTeam | null {
  switch (type) {
    case 'sales_lead':
      return 'sales';
    case 'service_appointment':
    case 'parts':
      return 'after_sales';
    case 'complaint':
      return named ? teamOf(named) : 'after_sales';
    case 'callback':
    case 'general':
      return named ? teamOf(named) : null;
  }
}

/** Whether the department a request names decides its team (see fallbackTeam). */
const namesItsTeam = (type: RequestType) => type === 'complaint' || type === 'callback' || type === 'general';

const teamOf = (department: DepartmentKind): FallbackTeam =>
  department === 'service' || department === 'parts' ? 'after_sales' : department;

/** Departments whose managers lead a team, the closest first. */
function departmentsOf(team: FallbackTeam, type: RequestType): DepartmentKind[] {
  if (team !== 'after_sales') return [team];
  return type === 'parts' ? ['parts', 'service'] : ['service', 'parts'];
}

const TEAM_LEADS: Record<FallbackTeam, string> = {
  sales: 'Verkaufsleitung',
  after_sales: 'Aftersales-Leitung',
  administration: 'Verwaltungsleitung',
};

export interface FallbackChoice {
  assignee: Person | null;
  /** The team whose management took it; null for the location's management in general or an admin. */
  team: FallbackTeam | null;
  via: 'manager' | 'deputy' | 'admin' | 'nobody';
  /** When a deputy takes it: the absent manager. */
  standsInFor: Person | null;
}

/**
 * The present manager of the responsible team; else the deputy an absent one
 * of them named; then the same among the location's other managers; then a
 * present admin. Steps are written in German for the explanation.
 */
export async function chooseFallback(
  book: PresenceBook,
  target: FallbackTarget,
  steps: string[],
  prefix: string,
): Promise<FallbackChoice> {
  let lead = prefix;
  const managers = await book.staff.staffAt(target.locationId, 'manager');
  book.remember(
    managers,
    await book.staff.absencesOn(
      managers.map((m) => m.id),
      book.date,
    ),
  );
  const team = fallbackTeam(target.type, target.department);
  const departments = team ? departmentsOf(team, target.type) : [];
  const rank = (p: Person) => departments.indexOf(p.department as DepartmentKind);
  const responsible = managers.filter((m) => rank(m) >= 0).sort((a, b) => rank(a) - rank(b));
  const others = managers.filter((m) => rank(m) < 0);

  const named = target.department && namesItsTeam(target.type) ? ` (${DEPARTMENT_NAMES[target.department]})` : '';
  const tiers: Array<{ people: Person[]; team: FallbackTeam | null; label: string }> = [];
  if (team && responsible.length > 0) {
    tiers.push({
      people: responsible,
      team,
      label: `${REQUEST_TYPE_LABELS.de[target.type]}${named} gehört zur ${TEAM_LEADS[team]}`,
    });
  }
  const rest = tiers.length > 0 ? others : managers;
  if (rest.length > 0) tiers.push({ people: rest, team: null, label: 'Leitung des Standorts' });

  for (const tier of tiers) {
    const here = tier.people.find((p) => book.isPresent(p));
    if (here) {
      steps.push(`${lead}${tier.label}: ${here.displayName}`);
      return { assignee: here, team: tier.team, via: 'manager', standsInFor: null };
    }
    const absentees = tier.people.filter((p) => book.absence(p.id));
    await book.load(absentees.map((p) => book.absence(p.id)!.deputyId));
    for (const manager of absentees) {
      const absence = book.absence(manager.id)!;
      const deputy = await book.person(absence.deputyId);
      if (book.isPresent(deputy)) {
        steps.push(
          `${lead}${tier.label}: ${manager.displayName} ist ${absenceText(absence)} → Vertretung: ${deputy.displayName}`,
        );
        return { assignee: deputy, team: tier.team, via: 'deputy', standsInFor: manager };
      }
    }
    // Say why the responsible team's management did not take it; the general case is said below.
    if (tier.team) {
      steps.push(`${lead}${tier.label}: ${tier.people.map((p) => book.whyAway(p)).join(', ')}, keine Vertretung da`);
      lead = '';
    }
  }

  const admins = await book.staff.admins();
  book.remember(
    admins,
    await book.staff.absencesOn(
      admins.map((a) => a.id),
      book.date,
    ),
  );
  const admin = admins.find((a) => book.isPresent(a));
  if (!admin) {
    steps.push(`${lead}Niemand aus Leitung oder Administration ist anwesend → bleibt unzugewiesen`);
    return { assignee: null, team: null, via: 'nobody', standsInFor: null };
  }
  steps.push(`${lead}Keine Leitung des Standorts anwesend → Administration: ${admin.displayName}`);
  return { assignee: admin, team: null, via: 'admin', standsInFor: null };
}

const DEPARTMENT_NAMES: Record<DepartmentKind, string> = {
  sales: 'Verkauf',
  service: 'Service',
  parts: 'Teile',
  administration: 'Verwaltung',
};
