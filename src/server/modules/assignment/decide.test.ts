import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { absent, clearRules, decideNow, makeContact, makeLocation, makeRule, makeUser } from './test-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026, 09:00 in Berlin
});
afterAll(() => t.close());
beforeEach(() => clearRules(t));

describe('without a matching rule', () => {
  it('goes to the manager of the request’s location', async () => {
    const munich = await makeLocation(t, 'Autohaus München');
    const manager = await makeUser(t, 'manager', { firstName: 'Max', lastName: 'Weber', locationId: munich });
    const decision = await decideNow(t, { locationId: munich });
    expect(decision.assigneeId).toBe(manager.id);
    expect(decision.ruleId).toBeNull();
    expect(decision.explanation).toEqual(['Keine Regel passt → Leitung des Standorts: Max Weber']);
  });

  it('skips an inactive manager and, when the only manager is away, falls back to an admin', async () => {
    const loc = await makeLocation(t, 'Autohaus Ulm');
    await makeUser(t, 'manager', { lastName: 'Alt', locationId: loc, active: false });
    const away = await makeUser(t, 'manager', { lastName: 'Urlauber', locationId: loc });
    await absent(t, away.id, '2026-03-01', '2026-03-08');
    const admin = await makeUser(t, 'admin', { firstName: 'Aaron', lastName: 'Aaberg' });
    const decision = await decideNow(t, { locationId: loc });
    expect(decision.assigneeId).toBe(admin.id);
    expect(decision.explanation).toEqual([
      'Keine Regel passt → Keine Leitung des Standorts anwesend → Administration: Aaron Aaberg',
    ]);
  });
});

describe('rule matching', () => {
  it('applies the first matching rule; reordering changes who gets it', async () => {
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Schulz' });
    const tom = await makeUser(t, 'service', { firstName: 'Tom', lastName: 'Berg' });
    const first = await makeRule(t, {
      name: 'Alle Service',
      strategy: 'fixed_user',
      userId: anna.id,
      match: { types: ['service_appointment'] },
    });
    const second = await makeRule(t, { name: 'Alles', strategy: 'fixed_user', userId: tom.id });
    expect((await decideNow(t)).assigneeId).toBe(anna.id);

    const admin = await t.userWithRole('admin');
    const res = await admin.put('/api/assignment/rules/order', { ids: [second.id, first.id] });
    expect(res.statusCode).toBe(200);
    const decision = await decideNow(t);
    expect(decision.assigneeId).toBe(tom.id);
    expect(decision.ruleName).toBe('Alles');
    expect(decision.explanation[0]).toBe('Regel „Alles“ passt (gilt für alle Anliegen)');
  });

  it('matches by type, location, brand and source; brand and source ignore case', async () => {
    const munich = await makeLocation(t, 'München');
    const vw = await makeUser(t, 'sales', { firstName: 'Vera', lastName: 'Volk', locationId: munich });
    await makeUser(t, 'manager', { firstName: 'Max', lastName: 'Leiter', locationId: munich });
    await makeRule(t, {
      name: 'VW-Leads München',
      strategy: 'fixed_user',
      userId: vw.id,
      match: { types: ['sales_lead'], locationIds: [munich], brands: ['Volkswagen'], sources: ['mobile.de'] },
    });
    const lead = { type: 'sales_lead' as const, locationId: munich, brand: 'VOLKSWAGEN', source: 'Mobile.DE' };
    const hit = await decideNow(t, lead);
    expect(hit.assigneeId).toBe(vw.id);
    expect(hit.explanation[0]).toBe(
      'Regel „VW-Leads München“ passt (Typ: Verkaufsanfrage, Standort: München, Marke: VOLKSWAGEN, Quelle: Mobile.DE)',
    );

    for (const miss of [
      { type: 'parts' as const },
      { locationId: t.location.id },
      { brand: 'Audi' },
      { source: 'autoscout24' },
      { brand: null },
    ]) {
      expect((await decideNow(t, { ...lead, ...miss })).ruleId, JSON.stringify(miss)).toBeNull();
    }
  });

  it('ignores inactive rules', async () => {
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Inaktiv' });
    await makeRule(t, { name: 'Aus', active: false, strategy: 'fixed_user', userId: anna.id });
    expect((await decideNow(t)).ruleId).toBeNull();
  });
});

describe('people who are away', () => {
  it('gives an absent regular consultant’s request to the deputy, keeping the consultant as "for"', async () => {
    const max = await makeUser(t, 'sales', { firstName: 'Max', lastName: 'Weber' });
    const anna = await makeUser(t, 'sales', { firstName: 'Anna', lastName: 'Schulz' });
    await absent(t, max.id, '2026-02-28', '2026-03-14', anna.id);
    const contactId = await makeContact(t, { salesConsultantId: max.id });
    await makeRule(t, { name: 'Verkauf', strategy: 'regular_consultant', match: { types: ['sales_lead'] } });

    const decision = await decideNow(t, { type: 'sales_lead', contactId });
    expect(decision).toMatchObject({ assigneeId: anna.id, onBehalfOfId: max.id, onBehalfUntil: '2026-03-14' });
    expect(decision.explanation).toEqual([
      'Regel „Verkauf“ passt (Typ: Verkaufsanfrage)',
      'Stammberater: Max Weber',
      'Max Weber ist abwesend bis 14.03.2026 → Vertretung: Anna Schulz',
    ]);

    // Once he is back, he gets his customers’ requests again.
    const back = await decideNow(t, { type: 'sales_lead', contactId, at: '2026-03-16T08:00:00Z' });
    expect(back).toMatchObject({ assigneeId: max.id, onBehalfOfId: null });
  });

  it('judges absence by the Berlin calendar day of the request', async () => {
    const max = await makeUser(t, 'service', { firstName: 'Max', lastName: 'Nacht' });
    const anna = await makeUser(t, 'service', { firstName: 'Anna', lastName: 'Tag' });
    await absent(t, max.id, '2026-03-14', '2026-03-20', anna.id);
    await makeRule(t, { strategy: 'fixed_user', userId: max.id });
    // 23:30 UTC on the 13th is already the 14th in Berlin.
    expect((await decideNow(t, { at: '2026-03-13T23:30:00Z' })).assigneeId).toBe(anna.id);
    expect((await decideNow(t, { at: '2026-03-13T22:30:00Z' })).assigneeId).toBe(max.id);
  });

  it('follows the deputy chain when the deputy is away too', async () => {
    const a = await makeUser(t, 'service', { firstName: 'Erik', lastName: 'Erster' });
    const b = await makeUser(t, 'service', { firstName: 'Zora', lastName: 'Zweite' });
    const c = await makeUser(t, 'service', { firstName: 'Dirk', lastName: 'Dritter' });
    await absent(t, a.id, '2026-03-01', '2026-03-10', b.id);
    await absent(t, b.id, '2026-03-02', '2026-03-03', c.id, 'sick');
    await makeRule(t, { strategy: 'fixed_user', userId: a.id });
    const decision = await decideNow(t);
    expect(decision).toMatchObject({ assigneeId: c.id, onBehalfOfId: a.id, onBehalfUntil: '2026-03-10' });
    expect(decision.explanation.slice(2)).toEqual([
      'Erik Erster ist abwesend bis 10.03.2026 → Vertretung: Zora Zweite',
      'Zora Zweite ist ebenfalls abwesend bis 03.03.2026 → Vertretung: Dirk Dritter',
    ]);
  });

  it('hands the request to the location’s manager when nobody in the chain is there', async () => {
    const loc = await makeLocation(t, 'Autohaus Augsburg');
    const manager = await makeUser(t, 'manager', { firstName: 'Mia', lastName: 'Chefin', locationId: loc });
    const a = await makeUser(t, 'service', { lastName: 'Eins', locationId: loc });
    const b = await makeUser(t, 'service', { lastName: 'Zwei', locationId: loc });
    await absent(t, a.id, '2026-03-01', '2026-03-10', b.id);
    await absent(t, b.id, '2026-03-01', '2026-03-10');
    await makeRule(t, { strategy: 'fixed_user', userId: a.id });
    const decision = await decideNow(t, { locationId: loc });
    expect(decision).toMatchObject({ assigneeId: manager.id, onBehalfOfId: a.id });
    expect(decision.explanation.at(-1)).toBe('Leitung des Standorts: Mia Chefin');
  });

  it('never assigns to an inactive person', async () => {
    const loc = await makeLocation(t, 'Autohaus Passau');
    const manager = await makeUser(t, 'manager', { locationId: loc });
    const gone = await makeUser(t, 'service', { firstName: 'Ex', lastName: 'Kollege', locationId: loc });
    await makeRule(t, { strategy: 'fixed_user', userId: gone.id });
    await t.database.query('UPDATE users SET active = false WHERE id = $1', [gone.id]);
    const decision = await decideNow(t, { locationId: loc });
    expect(decision.assigneeId).toBe(manager.id);
    expect(decision.explanation).toContain('Ex Kollege ist nicht mehr aktiv');
  });

  it('uses the rule’s group when the customer has no regular advisor', async () => {
    const helper = await makeUser(t, 'service', { firstName: 'Gina', lastName: 'Gruppe' });
    await makeRule(t, { strategy: 'regular_advisor', groupUserIds: [helper.id] });
    const decision = await decideNow(t, { contactId: await makeContact(t) });
    expect(decision.assigneeId).toBe(helper.id);
    expect(decision.explanation).toContain('Kein Stamm-Serviceberater beim Kunden hinterlegt');
  });
});

describe('alerts named by the rule', () => {
  it('copies the location’s managers when the rule says so, and spares the deputy the mail when told', async () => {
    const loc = await makeLocation(t, 'Autohaus Regensburg');
    const manager = await makeUser(t, 'manager', { locationId: loc });
    const max = await makeUser(t, 'service', { locationId: loc });
    const anna = await makeUser(t, 'service', { locationId: loc });
    await absent(t, max.id, '2026-03-01', '2026-03-05', anna.id);
    await makeRule(t, { strategy: 'fixed_user', userId: max.id, notifyManager: true, notifyDeputy: false });
    const decision = await decideNow(t, { locationId: loc });
    expect(decision).toMatchObject({ assigneeId: anna.id, notifyUserIds: [manager.id], mailAssignee: false });
  });
});
