import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import type { DepartmentKind } from '@shared/org/enums';
import type { RequestType } from '@shared/requests/enums';
import type { DbOrTx } from '@server/db/client';
import { openLoad, type Person, regularStaffOf } from './people';
import { type Cover, coverFor, leadsTakeOver, PresenceBook } from './presence';
import * as repo from './repo';
import { liveStaff, type StaffReader } from './staff-reader';
import { berlinDate, names } from './wording';

export interface DecideInput {
  type: RequestType;
  locationId: string;
  brand?: string | null;
  source?: string | null;
  contactId?: string | null;
  /** The department the request names (callbacks, inquiries): whose management takes it when no rule does. */
  department?: DepartmentKind | null;
  at: Date;
  /** The location's name when the caller has it (saves a lookup). */
  locationName?: string;
  /**
   * The customer waits at the desk (a walk-in): "least loaded" means whoever
   * is free now — present today and not on the phone — then the least loaded.
   */
  seenNow?: boolean;
}

/** Who is on the phone right now; the telephony module answers it. */
export interface LineStatus {
  onCallNow(userIds: string[], tx: DbOrTx): Promise<Set<string>>;
}

/** Without a phone system nobody is known to be on a call. */
export const NO_LINES: LineStatus = { onCallNow: async () => new Set() };

export interface Decision {
  assigneeId: string | null;
  /** The absent regular person the assignee stands in for. */
  onBehalfOfId: string | null;
  /** Last day of that person's absence (YYYY-MM-DD): when to inform them. */
  onBehalfUntil: string | null;
  ruleId: string | null;
  ruleName: string | null;
  /** Who else gets an alert mail (e.g. the location's managers). */
  notifyUserIds: string[];
  /** False when the rule says a standing-in deputy gets only the in-app notification, no mail. */
  mailAssignee: boolean;
  /** The steps in German, for the rule tester. */
  explanation: string[];
  /** Who took it because no rule (or nobody of the rule) did, and why; null when the rule's people did. */
  fallback: Cover['fallback'] | null;
  /** Everyone the decision looked at, so announcing it need not load them again. */
  people: Map<string, Person>;
}

const same = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'accent' }) === 0;

/** Each criterion that is set must contain the request's value; brand and source ignore case. */
export function ruleMatches(rule: Pick<repo.RuleRow, 'match'>, input: Omit<DecideInput, 'at'>): boolean {
  const { types = [], locationIds = [], brands = [], sources = [] } = rule.match;
  if (types.length > 0 && !types.includes(input.type)) return false;
  if (locationIds.length > 0 && !locationIds.includes(input.locationId)) return false;
  if (brands.length > 0 && !(input.brand && brands.some((b) => same(b, input.brand!)))) return false;
  if (sources.length > 0 && !(input.source && sources.some((s) => same(s, input.source!)))) return false;
  return true;
}

function matchedCriteria(rule: repo.RuleRow, input: DecideInput, locationName: string): string {
  const parts: string[] = [];
  if (rule.match.types?.length) parts.push(`Typ: ${REQUEST_TYPE_LABELS.de[input.type]}`);
  if (rule.match.locationIds?.length) parts.push(`Standort: ${locationName}`);
  if (rule.match.brands?.length) parts.push(`Marke: ${input.brand}`);
  if (rule.match.sources?.length) parts.push(`Quelle: ${input.source}`);
  return parts.length > 0 ? parts.join(', ') : 'gilt für alle Anliegen';
}

/** Active managers working at the location; the active admins when it has none. */
export async function managersAt(staff: StaffReader, locationId: string): Promise<string[]> {
  const managers = await staff.staffAt(locationId, 'manager');
  return (managers.length > 0 ? managers : await staff.admins()).map((p) => p.id);
}

/**
 * Decides who gets a request, in the caller's transaction: the first active
 * rule that matches applies its strategy; absent people are covered by their
 * deputies; what no rule covers goes to the location's management (see fallback.ts).
 */
export async function decide(
  tx: DbOrTx,
  input: DecideInput,
  staff: StaffReader = liveStaff(tx),
  lines: LineStatus = NO_LINES,
): Promise<Decision> {
  const book = new PresenceBook(tx, berlinDate(input.at), staff);
  const steps: string[] = [];
  const locationName = input.locationName ?? (await staff.locationName(input.locationId)) ?? 'unbekannt';
  const rule = (await staff.activeRules()).find((r) => ruleMatches(r, input));
  if (input.seenNow) await book.loadDuty(input.locationId);

  let cover: Cover;
  if (!rule) {
    cover = await leadsTakeOver(book, input, steps, { reason: 'no_rule', prefix: 'Keine Regel passt → ' });
  } else {
    steps.push(`Regel „${rule.name}“ passt (${matchedCriteria(rule, input, locationName)})`);
    cover = await applyStrategy(book, rule, input, steps, lines);
  }

  const notify = new Set<string>();
  if (rule?.notifyManager) for (const id of await managersAt(staff, input.locationId)) notify.add(id);
  if (cover.assignee) notify.delete(cover.assignee.id);
  const mailAssignee = !(cover.onBehalfOf && rule && !rule.notifyDeputy);
  if (notify.size > 0) {
    await book.load([...notify]);
    const people = await Promise.all([...notify].map((id) => book.person(id)));
    steps.push(`Zur Kenntnis per E-Mail: ${names(people.filter((p): p is Person => p !== null))}`);
  }
  if (!mailAssignee && cover.assignee)
    steps.push(`${cover.assignee.displayName} erhält keine E-Mail (nur Hinweis in der App)`);

  return {
    assigneeId: cover.assignee?.id ?? null,
    onBehalfOfId: cover.onBehalfOf?.id ?? null,
    onBehalfUntil: cover.onBehalfUntil,
    ruleId: rule?.id ?? null,
    ruleName: rule?.name ?? null,
    notifyUserIds: [...notify],
    mailAssignee,
    explanation: steps,
    fallback: cover.fallback ?? null,
    people: book.known(),
  };
}

async function applyStrategy(
  book: PresenceBook,
  rule: repo.RuleRow,
  input: DecideInput,
  steps: string[],
  lines: LineStatus,
): Promise<Cover> {
  switch (rule.strategy) {
    case 'fixed_user': {
      const person = await book.person(rule.userId);
      if (person) {
        steps.push(`Feste Zuständigkeit: ${person.displayName}`);
        const cover = await coverFor(book, person, input, steps);
        if (cover) return cover;
      } else steps.push('Die feste Person der Regel gibt es nicht mehr');
      return leadsTakeOver(book, input, steps);
    }
    case 'regular_consultant':
    case 'regular_advisor': {
      const consultant = rule.strategy === 'regular_consultant';
      const label = consultant ? 'Stammberater' : 'Stamm-Serviceberater';
      const staff = input.contactId ? await regularStaffOf(book.tx, input.contactId) : undefined;
      const regular = await book.person(consultant ? staff?.salesConsultantId : staff?.serviceAdvisorId);
      if (regular) {
        steps.push(`${label}: ${regular.displayName}`);
        const cover = await coverFor(book, regular, input, steps);
        if (cover) return cover;
      } else {
        steps.push(
          input.contactId ? `Kein ${label} beim Kunden hinterlegt` : `Kein Kunde angegeben, daher kein ${label}`,
        );
      }
      if (book.countsCheckIn) {
        // R0.7: the customer waits at the desk, so a free colleague on duty comes instead.
        const group =
          rule.groupUserIds.length > 0
            ? rule.groupUserIds
            : (await book.staff.staffAt(input.locationId, consultant ? 'sales' : 'service')).map((p) => p.id);
        steps.push(`Weiter mit ${consultant ? 'einem Verkaufsberater' : 'einem Serviceberater'} im Dienst`);
        return leastLoaded(book, group, input, steps, lines);
      }
      if (rule.groupUserIds.length > 0) {
        steps.push('Weiter mit der Gruppe der Regel');
        return roundRobin(book, rule, input, steps);
      }
      return leadsTakeOver(book, input, steps);
    }
    case 'round_robin':
      return roundRobin(book, rule, input, steps);
    case 'least_loaded':
      return leastLoaded(book, rule.groupUserIds, input, steps, lines);
  }
}

/** Present members in group order; says who is missing and why. */
async function presentMembers(book: PresenceBook, group: string[], locationId: string, steps: string[]) {
  await book.load(group);
  const members = (await Promise.all(group.map((id) => book.person(id)))).filter((p): p is Person => p !== null);
  const here = members.filter((p) => book.isPresent(p, locationId));
  const away = members.filter((p) => !book.isPresent(p, locationId));
  if (away.length > 0) steps.push(`Nicht verfügbar: ${away.map((p) => book.whyAway(p, locationId)).join(', ')}`);
  return here;
}

const NOBODY_OF_GROUP = { prefix: 'Niemand aus der Gruppe anwesend → ' };

async function roundRobin(book: PresenceBook, rule: repo.RuleRow, input: DecideInput, steps: string[]): Promise<Cover> {
  const group = rule.groupUserIds;
  const here = (await presentMembers(book, group, input.locationId, steps)).map((p) => p.id);
  if (here.length === 0) return leadsTakeOver(book, input, steps, NOBODY_OF_GROUP);
  // The pointer moves in one statement, so no lock on the rule is held while the rest of the intake runs.
  const chosen = await repo.advanceRoundRobin(book.tx, rule.id, here);
  const person = chosen ? await book.person(chosen) : null;
  if (!person) return leadsTakeOver(book, input, steps);
  steps.push(`Reihum ist ${person.displayName} an der Reihe (${here.length} von ${group.length} anwesend)`);
  return { assignee: person, onBehalfOf: null, onBehalfUntil: null };
}

async function leastLoaded(
  book: PresenceBook,
  group: string[],
  input: DecideInput,
  steps: string[],
  lines: LineStatus,
): Promise<Cover> {
  let here = await presentMembers(book, group, input.locationId, steps);
  if (here.length === 0) return leadsTakeOver(book, input, steps, NOBODY_OF_GROUP);
  if (input.seenNow) {
    const onCall = await lines.onCallNow(
      here.map((p) => p.id),
      book.tx,
    );
    const free = here.filter((p) => !onCall.has(p.id));
    const busy = here.filter((p) => onCall.has(p.id));
    if (busy.length > 0) steps.push(`Im Gespräch: ${names(busy)}`);
    // When everyone is on the phone, the customer still waits for one of them rather than for the manager.
    if (free.length > 0) here = free;
    else steps.push('Alle anwesenden sind im Gespräch → die geringste Auslastung entscheidet');
  }
  const load = await openLoad(
    book.tx,
    here.map((p) => p.id),
  );
  const open = (p: Person) => load.get(p.id)?.open ?? 0;
  // Ties: whoever got a request longest ago (never = longest), then by name.
  const lastAt = (p: Person) => load.get(p.id)?.lastAssignedAt?.getTime() ?? 0;
  const ranked = [...here].sort(
    (a, b) => open(a) - open(b) || lastAt(a) - lastAt(b) || a.displayName.localeCompare(b.displayName, 'de'),
  );
  const chosen = ranked[0]!;
  steps.push(
    `Geringste Auslastung: ${chosen.displayName} (offene Anliegen: ${ranked.map((p) => `${p.displayName} ${open(p)}`).join(', ')})`,
  );
  return { assignee: chosen, onBehalfOf: null, onBehalfUntil: null };
}
