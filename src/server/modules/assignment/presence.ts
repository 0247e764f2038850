import type { DbOrTx } from '@server/db/client';
import { chooseFallback, type FallbackChoice, type FallbackTarget } from './fallback';
import { dutyAt, type DutyAtLocation, type Person } from './people';
import type { AbsenceRow } from './repo';
import { liveStaff, type StaffReader } from './staff-reader';
import { absenceText } from './wording';

/** How far an absence is passed on: a deputy's deputy's deputy, then the manager takes over. */
export const MAX_DEPUTY_HOPS = 3;

export interface Cover {
  assignee: Person | null;
  /** The regular person the assignee stands in for, while they are away. */
  onBehalfOf: Person | null;
  onBehalfUntil: string | null;
  /** Set when the location's management (or an admin) took it because nobody else would. */
  fallback?: FallbackChoice & { reason: FallbackReason };
}

/** Why the fallback was needed: no rule matched, or the rule's people (and their deputies) were not there. */
export type FallbackReason = 'no_rule' | 'rule_unavailable';

/**
 * Who is there on one day, looked up once per person within a decision.
 * Reads through the caller's transaction unless given the staff directory.
 */
export class PresenceBook {
  private readonly people = new Map<string, Person | null>();
  private readonly absences = new Map<string, AbsenceRow | null>();
  /** Who is checked in where the customer waits; null unless a walk-in asked (see loadDuty). */
  private duty: { locationId: string; at: DutyAtLocation } | null = null;

  constructor(
    readonly tx: DbOrTx,
    readonly date: string,
    readonly staff: StaffReader = liveStaff(tx),
  ) {}

  /** Loads people and their absence on the day in two queries. */
  async load(ids: Array<string | null | undefined>): Promise<void> {
    const missing = [...new Set(ids.filter((id): id is string => Boolean(id) && !this.people.has(id!)))];
    if (missing.length === 0) return;
    const found = await this.staff.people(missing);
    const away = await this.staff.absencesOn(missing, this.date);
    for (const id of missing) {
      this.people.set(id, found.get(id) ?? null);
      this.absences.set(id, away.get(id) ?? null);
    }
  }

  /**
   * A customer waits at the desk: at a location that uses check-in, only those
   * checked in there count as present. Read live (shifts change all day).
   */
  async loadDuty(locationId: string): Promise<void> {
    this.duty = { locationId, at: await dutyAt(this.tx, locationId) };
  }

  /** Whether the location's check-in decides presence for this decision. */
  get countsCheckIn(): boolean {
    return this.duty?.at.usesCheckIn === true;
  }

  /** Checked in at the walk-in's location, or check-in does not count here. */
  isOnDuty(person: Person): boolean {
    return !this.countsCheckIn || this.duty!.at.onDuty.has(person.id);
  }

  remember(people: Person[], away: Map<string, AbsenceRow>) {
    for (const p of people) {
      this.people.set(p.id, p);
      this.absences.set(p.id, away.get(p.id) ?? null);
    }
  }

  async person(id: string | null | undefined): Promise<Person | null> {
    if (!id) return null;
    await this.load([id]);
    return this.people.get(id) ?? null;
  }

  /** Everyone looked up so far who exists. */
  known(): Map<string, Person> {
    const found = new Map<string, Person>();
    for (const [id, person] of this.people) if (person) found.set(id, person);
    return found;
  }

  absence(id: string): AbsenceRow | null {
    return this.absences.get(id) ?? null;
  }

  /** Active and not away on the day; with a location, also working there (and checked in, for a walk-in). */
  isPresent(person: Person | null, locationId?: string): person is Person {
    if (!person || !person.active || this.absence(person.id)) return false;
    if (!locationId) return true;
    return person.locationIds.includes(locationId) && (this.duty?.locationId !== locationId || this.isOnDuty(person));
  }

  /** Why someone is not available, for the explanation. */
  whyAway(person: Person, locationId?: string): string {
    if (!person.active) return `${person.displayName} (nicht mehr aktiv)`;
    const absence = this.absence(person.id);
    if (absence) return `${person.displayName} (${absenceText(absence)})`;
    if (locationId && !person.locationIds.includes(locationId))
      return `${person.displayName} (nicht an diesem Standort)`;
    if (locationId && this.duty?.locationId === locationId && !this.isOnDuty(person))
      return `${person.displayName} (nicht eingecheckt)`;
    return person.displayName;
  }
}

/**
 * The regular person if present, else their deputy, following the chain
 * while deputies are away too. Returns null for an inactive person, and at
 * a walk-in for a regular person or deputy who is not checked in (the caller
 * picks someone else, as when nobody of the chain is there at a walk-in); when nobody in the chain is there, the
 * location's lead takes over and the request stays "for" the regular person.
 */
export async function coverFor(
  book: PresenceBook,
  regular: Person,
  target: FallbackTarget,
  steps: string[],
): Promise<Cover | null> {
  if (!regular.active) {
    steps.push(`${regular.displayName} ist nicht mehr aktiv`);
    return null;
  }
  const regularAbsence = book.absence(regular.id);
  if (!regularAbsence) {
    if (book.isOnDuty(regular)) return { assignee: regular, onBehalfOf: null, onBehalfUntil: null };
    // Not away, just not here: nobody stands in, so whoever is on duty takes the customer.
    steps.push(`${regular.displayName} ist nicht eingecheckt`);
    return null;
  }
  const onBehalf = { onBehalfOf: regular, onBehalfUntil: regularAbsence.endsOn };

  const visited = new Set([regular.id]);
  let current = regular;
  let absence: AbsenceRow = regularAbsence;
  for (let hop = 0; hop < MAX_DEPUTY_HOPS; hop++) {
    const away = `${current.displayName} ist ${hop > 0 ? 'ebenfalls ' : ''}${absenceText(absence)}`;
    const deputy = await book.person(absence.deputyId);
    if (!deputy) {
      steps.push(`${away}, keine Vertretung eingetragen`);
      return book.countsCheckIn ? null : leadsTakeOver(book, target, steps, { onBehalf });
    }
    steps.push(`${away} → Vertretung: ${deputy.displayName}`);
    if (!deputy.active || visited.has(deputy.id)) {
      steps.push(`${deputy.displayName} kann nicht vertreten${deputy.active ? '' : ' (nicht mehr aktiv)'}`);
      return book.countsCheckIn ? null : leadsTakeOver(book, target, steps, { onBehalf });
    }
    const deputyAbsence = book.absence(deputy.id);
    if (!deputyAbsence && !book.isOnDuty(deputy)) {
      steps.push(`${deputy.displayName} ist nicht eingecheckt`);
      return null;
    }
    if (!deputyAbsence) return { assignee: deputy, ...onBehalf };
    visited.add(deputy.id);
    current = deputy;
    absence = deputyAbsence;
  }
  steps.push(
    `${current.displayName} ist ebenfalls ${absenceText(absence)}; nach ${MAX_DEPUTY_HOPS} Vertretungen endet die Kette`,
  );
  return book.countsCheckIn ? null : leadsTakeOver(book, target, steps, { onBehalf });
}

/**
 * Nobody of the rule takes the request: the location's management does — the
 * team it belongs to, their deputies while they are away, then an admin (see
 * fallback.ts). The request stays "for" a regular person who is away.
 */
export async function leadsTakeOver(
  book: PresenceBook,
  target: FallbackTarget,
  steps: string[],
  options: {
    onBehalf?: { onBehalfOf: Person | null; onBehalfUntil: string | null };
    reason?: FallbackReason;
    prefix?: string;
  } = {},
): Promise<Cover> {
  const onBehalf = options.onBehalf ?? { onBehalfOf: null, onBehalfUntil: null };
  const choice = await chooseFallback(book, target, steps, options.prefix ?? '');
  return {
    assignee: choice.assignee,
    ...onBehalf,
    fallback: { ...choice, reason: options.reason ?? 'rule_unavailable' },
  };
}
