import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { REQUEST_TYPES, TEMPLATE_KINDS } from '@shared/requests/enums';
import type { TemplateContext } from './render';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const context = (overrides: Partial<TemplateContext> = {}): TemplateContext => ({
  customer: { salutation: 'ms', firstName: 'Erika', lastName: 'Schmidt', displayName: 'Erika Schmidt' },
  request: { number: 'A-100777', subject: 'Inspektion fällig' },
  vehicle: 'Audi A4 (K-XY 123)',
  location: { name: 'Autohaus Test Stuttgart', phone: '+49 711 123456' },
  user: { displayName: 'Jonas Becker', phone: '+49 711 123456-12' },
  ...overrides,
});

describe('message templates', () => {
  it('offers German defaults for every request type and kind without any setup', async () => {
    const sales = await t.userWithRole('sales');
    const res = await sales.get('/api/templates');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{
      requestType: string;
      kind: string;
      subject: string | null;
      body: string;
      isDefault: boolean;
    }>;
    expect(list).toHaveLength(REQUEST_TYPES.length * TEMPLATE_KINDS.length);
    expect(list.every((tpl) => tpl.isDefault && tpl.body.length > 50)).toBe(true);
    const emails = list.filter((tpl) => tpl.kind === 'email');
    expect(emails.every((tpl) => tpl.subject && tpl.body.includes('Mit freundlichen Grüßen'))).toBe(true);

    const serviceScript = list.find((tpl) => tpl.requestType === 'service_appointment' && tpl.kind === 'phone_script')!;
    expect(serviceScript.body).toMatch(/Kilometerstand/);
    expect(serviceScript.body).toMatch(/Ersatzwagen/);
    const salesScript = list.find((tpl) => tpl.requestType === 'sales_lead' && tpl.kind === 'phone_script')!;
    expect(salesScript.body).toMatch(/in Zahlung/);
    expect(salesScript.body).toMatch(/Finanzierung/);
    const voicemail = list.find((tpl) => tpl.requestType === 'callback' && tpl.kind === 'voicemail')!;
    expect(voicemail.body).toMatch(/erhalten und kümmern uns darum/);
    expect(voicemail.body).toMatch(/Wir rufen Sie zurück/);
  });

  it('renders a default with the request filled in', async () => {
    const rendered = await t.services.templates.render('service_appointment', 'email', context());
    expect(rendered.subject).toBe('Ihr Werkstatttermin – Anfrage A-100777');
    expect(rendered.body).toMatch(/^Guten Tag Frau Schmidt,/);
    expect(rendered.body).toContain('Audi A4 (K-XY 123)');
    expect(rendered.body).toContain('Jonas Becker\nAutohaus Test Stuttgart\nTelefon: +49 711 123456-12');
    expect(rendered.missing).toEqual([]);
  });

  it('never quotes the internal subject in what the customer reads or hears', async () => {
    const internal = context({ request: { number: 'A-100778', subject: 'Verpasster Anruf von 0171 2345678' } });
    for (const type of REQUEST_TYPES) {
      for (const kind of ['email', 'voicemail'] as const) {
        const rendered = await t.services.templates.render(type, kind, internal);
        expect(`${rendered.subject ?? ''} ${rendered.body}`).not.toContain('Verpasster Anruf');
      }
    }
  });

  it('greets by full name when no salutation is known, and lists what the request lacks', async () => {
    const rendered = await t.services.templates.render(
      'service_appointment',
      'email',
      context({
        customer: { salutation: 'none', firstName: 'Hans', lastName: 'Müller', displayName: 'Hans Müller' },
        vehicle: null,
        user: { displayName: 'Jonas Becker', phone: null },
      }),
    );
    expect(rendered.body).toMatch(/^Guten Tag Hans Müller,/);
    expect(rendered.body).toContain('[Fahrzeug]');
    expect(rendered.missing.sort()).toEqual(['user.phone', 'vehicle']);
    const mr = await t.services.templates.render(
      'callback',
      'voicemail',
      context({ customer: { salutation: 'mr', firstName: 'Hans', lastName: 'Müller', displayName: 'Hans Müller' } }),
    );
    expect(mr.body).toMatch(/^Guten Tag Herr Müller, hier ist Jonas Becker/);
  });

  it('a manager saves their own text, which is then used for rendering', async () => {
    const manager = await t.userWithRole('manager');
    const res = await manager.put('/api/templates/complaint/email', {
      subject: 'Ihre Beschwerde {{request.number}}',
      body: 'Guten Tag {{customer.salutation}}, es tut uns leid. {{user.name}}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ requestType: 'complaint', kind: 'email', isDefault: false });
    const rendered = await t.services.templates.render('complaint', 'email', context());
    expect(rendered).toEqual({
      kind: 'email',
      subject: 'Ihre Beschwerde A-100777',
      body: 'Guten Tag Frau Schmidt, es tut uns leid. Jonas Becker',
      missing: [],
    });
    const listed = (await manager.get('/api/templates'))
      .json()
      .find((tpl: { requestType: string; kind: string }) => tpl.requestType === 'complaint' && tpl.kind === 'email');
    expect(listed.subject).toBe('Ihre Beschwerde {{request.number}}');

    const reset = await manager.delete('/api/templates/complaint/email');
    expect(reset.json()).toMatchObject({ isDefault: true });
  });

  it('refuses an unknown placeholder with 400 naming the body', async () => {
    const manager = await t.userWithRole('manager');
    const res = await manager.put('/api/templates/sales_lead/voicemail', {
      body: 'Hallo {{customer.salutation}}, {{foo}} hier.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'body', message: 'unknown placeholder {{foo}}' }),
    ]);
    const list = (await manager.get('/api/templates')).json();
    expect(
      list.find(
        (tpl: { requestType: string; kind: string }) => tpl.requestType === 'sales_lead' && tpl.kind === 'voicemail',
      ).isDefault,
    ).toBe(true);
  });

  it('sales staff may read but not change templates', async () => {
    const sales = await t.userWithRole('sales');
    const res = await sales.put('/api/templates/sales_lead/email', { subject: 'x', body: 'y' });
    expect(res.statusCode).toBe(403);
  });

  it('previews an unsaved text with example data for the editor', async () => {
    const manager = await t.userWithRole('manager');
    const res = await manager.post('/api/templates/preview', {
      requestType: 'parts',
      kind: 'email',
      subject: 'Teile für {{vehicle}}',
      body: '{{customer.salutation}} – {{request.number}}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'email',
      subject: 'Teile für VW Golf (M-AB 1234)',
      body: 'Herr Müller – A-100042',
      missing: [],
    });
    const bad = await manager.post('/api/templates/preview', {
      requestType: 'parts',
      kind: 'voicemail',
      body: '{{kunde.name}}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body', message: 'unknown placeholder {{kunde.name}}' });
  });

  it('refuses an unknown request type in the address', async () => {
    const manager = await t.userWithRole('manager');
    const res = await manager.put('/api/templates/carwash/email', { body: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('requestType');
  });
});
