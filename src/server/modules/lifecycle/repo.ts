import { asc, eq, sql } from 'drizzle-orm';
import type { LifecycleRuleInput } from '@shared/lifecycle/rules';
import type { DbOrTx } from '@server/db/client';
import { lifecycleActions, lifecycleRules, lifecycleSettings } from './tables';

export type LifecycleRuleRow = typeof lifecycleRules.$inferSelect;

export const DEFAULT_DAILY_CAP = 20;

/**
 * The rules shipped with the CRM, group-wide (seed 002): the satisfaction call a week after
 * delivery, the annual service reminder in phase 2, the contact four months before the
 * financing ends and the re-purchase activity 32 months after delivery.
 */
export const DEFAULT_RULES: Array<LifecycleRuleInput & { defaultKey: string }> = [
  {
    defaultKey: 'satisfaction_call',
    name: 'Zufriedenheitsanruf',
    locationId: null,
    make: null,
    trigger: 'days_after_delivery',
    amount: 7,
    phase: null,
    action: 'activity',
    assignee: 'sales_consultant',
    activityType: 'satisfaction_call',
    consentChannel: null,
    consentPurpose: null,
    subject: '',
    template:
      'Kunden anrufen: Zufriedenheit mit Fahrzeug und Übergabe erfragen (Fragebogen), Zubehör und Reifen ansprechen.',
    lookbackDays: 30,
    leadDays: 0,
    enabled: true,
  },
  {
    defaultKey: 'annual_service',
    name: 'Serviceerinnerung Jahresservice',
    locationId: null,
    make: null,
    trigger: 'annual_service',
    amount: 14,
    phase: 'usage',
    action: 'activity',
    assignee: 'service_advisor',
    activityType: 'service_contact',
    consentChannel: 'phone',
    consentPurpose: 'service_reminders',
    subject: '',
    template: 'Jahresservice steht an: Kunden anrufen und einen Werkstatttermin vereinbaren.',
    lookbackDays: 30,
    leadDays: 0,
    enabled: true,
  },
  {
    defaultKey: 'financing_end',
    name: 'Finanzierung/Leasing läuft aus',
    locationId: null,
    make: null,
    trigger: 'months_before_financing_end',
    amount: 4,
    phase: null,
    action: 'activity',
    assignee: 'sales_consultant',
    activityType: 'call',
    consentChannel: 'phone',
    consentPurpose: 'marketing',
    subject: '',
    template: 'Die Finanzierung endet in vier Monaten: Anschlussangebot besprechen.',
    lookbackDays: 30,
    leadDays: 0,
    enabled: true,
  },
  {
    defaultKey: 'repurchase',
    name: 'Wiedermotorisierung',
    locationId: null,
    make: null,
    trigger: 'months_after_delivery',
    amount: 32,
    phase: null,
    action: 'activity',
    assignee: 'sales_consultant',
    activityType: 'repurchase',
    consentChannel: 'phone',
    consentPurpose: 'marketing',
    subject: '',
    template: 'Das Fahrzeug ist seit 32 Monaten beim Kunden: Wiedermotorisierung ansprechen.',
    lookbackDays: 30,
    leadDays: 0,
    enabled: true,
  },
  {
    // Off until the dealer records readings: with the annual service on too, customers would be called twice.
    defaultKey: 'service_by_mileage',
    name: 'Serviceerinnerung nach Kilometerstand',
    locationId: null,
    make: null,
    trigger: 'service_by_mileage',
    amount: 30_000,
    phase: null,
    action: 'activity',
    assignee: 'service_advisor',
    activityType: 'service_contact',
    consentChannel: 'phone',
    consentPurpose: 'service_reminders',
    subject: '',
    template:
      'Service nach Kilometerstand steht bald an: Kunden anrufen, Kilometerstand erfragen und einen Werkstatttermin vereinbaren.',
    lookbackDays: 30,
    leadDays: 30,
    enabled: false,
  },
];

/** Adds the shipped rules once; a rule an administrator changed or turned off stays as it is. */
export async function ensureDefaultRules(tx: DbOrTx): Promise<void> {
  await tx
    .insert(lifecycleRules)
    .values(DEFAULT_RULES.map((r) => ({ ...r })))
    .onConflictDoNothing({ target: lifecycleRules.defaultKey });
}

export const listRules = (db: DbOrTx) =>
  db.select().from(lifecycleRules).orderBy(asc(lifecycleRules.locationId), asc(lifecycleRules.name));

export async function findRule(db: DbOrTx, id: string): Promise<LifecycleRuleRow | undefined> {
  const [row] = await db.select().from(lifecycleRules).where(eq(lifecycleRules.id, id));
  return row;
}

export async function insertRule(tx: DbOrTx, input: LifecycleRuleInput, at: Date): Promise<LifecycleRuleRow> {
  const [row] = await tx
    .insert(lifecycleRules)
    .values({ ...input, createdAt: at, updatedAt: at })
    .returning();
  return row!;
}

export async function updateRule(
  tx: DbOrTx,
  id: string,
  input: LifecycleRuleInput,
  version: number,
  at: Date,
): Promise<LifecycleRuleRow | undefined> {
  const [row] = await tx
    .update(lifecycleRules)
    .set({ ...input, version: sql`${lifecycleRules.version} + 1`, updatedAt: at })
    .where(sql`${lifecycleRules.id} = ${id} AND ${lifecycleRules.version} = ${version}`)
    .returning();
  return row;
}

export async function readDailyCap(db: DbOrTx): Promise<number> {
  const [row] = await db.select().from(lifecycleSettings).where(eq(lifecycleSettings.id, 1));
  return row?.dailyCapPerPerson ?? DEFAULT_DAILY_CAP;
}

export async function writeDailyCap(tx: DbOrTx, cap: number, at: Date): Promise<void> {
  await tx
    .insert(lifecycleSettings)
    .values({ id: 1, dailyCapPerPerson: cap, updatedAt: at })
    .onConflictDoUpdate({ target: lifecycleSettings.id, set: { dailyCapPerPerson: cap, updatedAt: at } });
}

/** A merged contact's lifecycle actions belong to the contact it was merged into. */
export async function moveContact(tx: DbOrTx, sourceId: string, targetId: string): Promise<void> {
  await tx.update(lifecycleActions).set({ contactId: targetId }).where(eq(lifecycleActions.contactId, sourceId));
}
