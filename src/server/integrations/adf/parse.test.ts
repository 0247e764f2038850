import { describe, expect, it } from 'vitest';
import { accepted, fixture, messages, onlyLead, rejected } from './test-helpers.js';

describe('parseAdf on real-world leads', () => {
  it('reads a mobile.de used-car lead completely', () => {
    const { leads, warnings } = accepted(fixture('mobile-de.xml'));
    expect(warnings).toEqual([]);
    expect(leads).toEqual([
      {
        status: 'new',
        externalIds: [{ source: 'mobile.de', sequence: 1, value: 'MDE-2026-0302-88412' }],
        requestDate: '2026-03-02T09:15:00.000Z',
        vehicles: [
          {
            interest: 'buy',
            status: 'used',
            year: 2021,
            make: 'Volkswagen',
            model: 'Golf',
            trim: '1.5 TSI Life',
            vin: 'WVWZZZCDZMW012345',
            stock: 'GW-4711',
            price: 21490,
            currency: 'EUR',
            odometerKm: 45300,
            comments: 'Ist das Fahrzeug noch verfügbar? Ich würde gerne am Samstag vorbeikommen.',
          },
        ],
        customer: {
          kind: 'person',
          firstName: 'Hans',
          lastName: 'Müller',
          fullName: 'Hans Müller',
          companyName: null,
          emails: ['hans.mueller@example.de'],
          phones: [{ number: '0171 2345678', kind: 'mobile', preferredTime: 'evening', preferred: true }],
          address: { street: 'Lindenstraße 12', postalCode: '33602', city: 'Bielefeld', region: 'NW', country: 'DE' },
          comments: 'Finanzierung gewünscht, Anzahlung ca. 5.000 €.',
          timeframe: null,
        },
        vendor: {
          id: 'dealer-448812',
          name: 'Autohaus Weber GmbH & Co. KG',
          contactName: 'Verkauf Gebrauchtwagen',
          email: 'gw@autohaus-weber.example',
          phone: '0521 998877-0',
        },
        provider: {
          id: null,
          name: 'mobile.de GmbH',
          service: 'Händleranfrage',
          url: 'https://www.mobile.de',
          email: 'leads@mobile.example',
          phone: null,
        },
      },
    ]);
  });

  it('reads a manufacturer portal lead for a company with vendor and provider contacts', () => {
    const lead = onlyLead(fixture('manufacturer-portal.xml'));
    expect(lead.externalIds.map((id) => `${id.sequence}:${id.source}:${id.value}`)).toEqual([
      '1:VW Partnerportal:LP-7781-22-DE',
      '2:Autohaus Weber DMS:A-000913',
    ]);
    expect(lead.customer).toMatchObject({
      kind: 'company',
      companyName: 'Bauunternehmen Schulz GmbH',
      firstName: 'Petra',
      lastName: 'Schulz',
      phones: [
        { number: '+49 521 445566', kind: 'landline', preferredTime: 'morning' },
        { number: '+49 521 445567', kind: 'fax' },
      ],
      address: { street: 'Gewerbepark 7, Halle B', postalCode: '33330', city: 'Gütersloh', country: 'DE' },
      timeframe: { description: 'innerhalb der nächsten 2 Monate', earliest: '2026-04-01', latest: '2026-04-30' },
    });
    expect(lead.vehicles[0]).toMatchObject({ interest: 'lease', status: 'new', model: 'ID.4', price: 399 });
    expect(lead.vendor).toEqual({
      id: 'DE-30512',
      name: 'Autohaus Weber GmbH',
      contactName: 'Thomas Berger',
      email: 't.berger@autohaus-weber.example',
      phone: '0521 998877-21',
    });
    expect(lead.provider).toMatchObject({
      id: 'VWPP',
      name: 'Volkswagen Partnerportal',
      email: 'lead-support@vw.example',
    });
  });

  it('accepts a web-form lead with nothing but an e-mail address and names what is missing', () => {
    const { leads, warnings } = accepted(fixture('web-form-email-only.xml'));
    expect(leads[0]!.customer).toMatchObject({
      kind: 'person',
      fullName: null,
      emails: ['kontakt-anfrage@web.example'],
    });
    expect(leads[0]!.vehicles[0]).toMatchObject({ interest: 'test-drive', make: 'Skoda', model: 'Enyaq' });
    expect(leads[0]!.requestDate).toBe('2026-03-04T15:40:00.000Z');
    expect(messages(warnings)).toEqual(['missing: prospect[0].vendor (the dealer the lead is for)']);
  });

  it('reads upper-case, out-of-order elements without any processing instruction', () => {
    const lead = onlyLead(fixture('uppercase-out-of-order.xml'));
    expect(lead).toMatchObject({
      status: 'new',
      externalIds: [{ source: 'autoscout24', sequence: 1, value: 'AS24-55120934' }],
      requestDate: '2026-03-02T09:15:00.000Z',
      vendor: { name: 'Autohaus Weber' },
    });
    expect(lead.vehicles[0]).toMatchObject({
      interest: 'buy',
      status: 'new',
      make: 'Skoda',
      price: 32990,
      currency: 'EUR',
    });
    expect(lead.customer).toMatchObject({
      firstName: 'Ayşe',
      lastName: 'Öztürk',
      phones: [{ number: '+49 (0) 160 9876543', kind: 'mobile', preferredTime: 'afternoon' }],
    });
  });

  it('fills a missing VIN from the vehicle comments and says so', () => {
    const { leads, warnings } = accepted(fixture('vin-in-comments.xml'));
    expect(leads[0]!.vehicles[0]).toMatchObject({ interest: 'trade-in', vin: 'W0L0AHL48C5012345', odometerKm: 80467 });
    expect(warnings).toContainEqual({
      code: 'inferred',
      path: 'prospect[0].vehicle[0].vin',
      message:
        "inferred: VIN 'W0L0AHL48C5012345' taken from prospect[0].vehicle[0].comments (there was no usable <vin>)",
    });
    expect(leads[0]!.customer).toMatchObject({ firstName: 'Hans', lastName: 'Müller', fullName: 'Hans Müller' });
  });

  it('exposes a resend with the ids of the original lead so intake can match it', () => {
    const original = onlyLead(fixture('mobile-de.xml'));
    const resend = onlyLead(fixture('resend.xml'));
    expect(resend.status).toBe('resend');
    expect(resend.externalIds).toEqual(original.externalIds);
    expect(resend.requestDate).toBe('2026-03-02T09:15:00.000Z');
  });

  it('returns every prospect of a document, in order', () => {
    const { leads, warnings } = accepted(fixture('two-prospects.xml'));
    expect(
      leads.map((l) => [l.externalIds[0]!.value, l.customer.firstName, l.customer.lastName, l.vehicles[0]!.interest]),
    ).toEqual([
      ['AS24-1', 'Klaus', 'Wagner', 'test-drive'],
      ['AS24-2', 'Anna', 'von Bergen', 'trade-in'],
    ]);
    expect(leads[0]!.customer.phones[0]).toMatchObject({ number: '05241 12345', kind: 'landline' });
    expect(warnings.map((w) => w.path)).toEqual(['prospect[1].customer.contact.name']);
  });

  it('rejects XML with an unclosed tag, naming the line', () => {
    expect(rejected(fixture('malformed-unclosed.xml'))).toEqual([
      {
        code: 'malformed',
        path: 'document',
        message:
          'malformed XML at line 10, column 3: <customer> opened at line 5, column 5 is not closed before </prospect>',
      },
    ]);
  });

  it('rejects XML that is not ADF', () => {
    const [error] = rejected(fixture('not-adf.xml'));
    expect(error).toMatchObject({ code: 'not_adf', path: 'document' });
    expect(error!.message).toMatch(/^not an ADF document: the root element is <rss>/);
  });

  it('rejects a prospect with no way to contact the customer, naming prospect[0].customer', () => {
    expect(rejected(fixture('no-contact.xml'))).toEqual([
      {
        code: 'missing',
        path: 'prospect[0].customer',
        message:
          'missing: prospect[0].customer has no name, no phone number and no e-mail address, so the lead cannot be followed up',
      },
    ]);
  });
});
