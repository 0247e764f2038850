import { describe, expect, it } from 'vitest';
import { accepted, messages, onlyLead, prospect, rejected } from './test-helpers.js';

describe('parseAdf tolerance', () => {
  it.each([
    ['<?xml version="1.0"?><?adf version="1.0"?>'],
    ['<?ADF VERSION "1.0"?>\n<?XML VERSION "1.0"?>'],
    ['<?adf version = 1.0 ?>'],
    [''],
  ])('accepts the processing instruction spelt %j', (instruction) => {
    expect(onlyLead(`${instruction}\n${prospect('')}`).customer.lastName).toBe('Müller');
  });

  it('reads namespaced elements, CDATA, entities and a bare ampersand', () => {
    const lead = onlyLead(
      `<a:adf xmlns:a="urn:adf"><a:prospect>${prospect(
        '<vendor><vendorname>Müller & Söhne</vendorname></vendor>',
      ).replace(/^<adf><prospect>|<\/prospect><\/adf>$/g, '')}</a:prospect></a:adf>`.replace(
        '<customer><contact>',
        '<customer><comments><![CDATA[Preis < 20.000 € & Garantie?]]></comments><contact>',
      ),
    );
    expect(lead.vendor?.name).toBe('Müller & Söhne');
    expect(lead.customer.comments).toBe('Preis < 20.000 € & Garantie?');
  });

  it('decodes HTML named entities such as &uuml; in values', () => {
    const lead = onlyLead(
      prospect('<customer><contact><name part="last">M&uuml;ller</name><email>a@b.de</email></contact></customer>'),
    );
    expect(lead.customer.lastName).toBe('Müller');
  });

  it('reads several ADF documents one after the other', () => {
    expect(accepted(prospect('') + '\n' + prospect('')).leads).toHaveLength(2);
  });

  it.each([
    ['Buy', 'buy'],
    ['PURCHASE', 'buy'],
    ['Kauf', 'buy'],
    ['Leasing', 'lease'],
    ['testdrive', 'test-drive'],
    ['Probefahrt', 'test-drive'],
    ['Inzahlungnahme', 'trade-in'],
    ['trade in', 'trade-in'],
    ['Verkauf', 'sell'],
  ])('understands interest="%s" as %s', (raw, interest) => {
    expect(onlyLead(prospect(`<vehicle interest="${raw}"><make>VW</make></vehicle>`)).vehicles[0]!.interest).toBe(
      interest,
    );
  });

  it('names an unknown interest and falls back to the DTD default "buy"', () => {
    const { leads, warnings } = accepted(prospect('<vehicle interest="Wunschkennzeichen"><make>VW</make></vehicle>'));
    expect(leads[0]!.vehicles[0]!.interest).toBe('buy');
    expect(messages(warnings)).toContain(
      "unusable interest 'Wunschkennzeichen' in prospect[0].vehicle[0]@interest (taken as 'buy')",
    );
  });

  it.each([
    ['cellphone', '0521 123456', 'mobile'],
    ['mobile', '0521 123456', 'mobile'],
    ['Handy', '0521 123456', 'mobile'],
    ['voice', '0521 123456', 'landline'],
    ['home', '0521 123456', 'landline'],
    ['work', '0521 123456', 'landline'],
    ['fax', '0521 123456', 'fax'],
    ['pager', '0521 123456', 'other'],
    ['voice', '+49 171 2345678', 'mobile'],
    ['', '0151 23456789', 'mobile'],
    ['', '0521 123456', 'landline'],
  ])('reads phone type "%s" with number %s as %s', (type, number, kind) => {
    const typeAttr = type ? ` type="${type}"` : '';
    const lead = onlyLead(
      prospect(`<customer><contact><name>Hans Müller</name><phone${typeAttr}>${number}</phone></contact></customer>`),
    );
    expect(lead.customer.phones).toEqual([{ number, kind, preferredTime: null, preferred: false }]);
  });

  it('takes type="business" as a company, and a legal form in a full name too (noted)', () => {
    const business = onlyLead(
      prospect(
        '<customer><contact><name type="business">Taxi Yilmaz</name><phone>0521 1234</phone></contact></customer>',
      ),
    );
    expect(business.customer).toMatchObject({ kind: 'company', companyName: 'Taxi Yilmaz', firstName: null });
    const { leads, warnings } = accepted(
      prospect(
        '<customer><contact><name part="full">Autohaus Klein GmbH</name><phone>0521 1234</phone></contact></customer>',
      ),
    );
    expect(leads[0]!.customer).toMatchObject({ kind: 'company', companyName: 'Autohaus Klein GmbH', lastName: null });
    expect(warnings[0]!.code).toBe('inferred');
  });

  it('names an unusable request date and leaves it out', () => {
    const { leads, warnings } = accepted(prospect('<requestdate>31.02.2026</requestdate>'));
    expect(leads[0]!.requestDate).toBeNull();
    expect(warnings).toContainEqual({
      code: 'unusable',
      path: 'prospect[0].requestdate',
      message: "unusable date '31.02.2026' in prospect[0].requestdate",
    });
  });

  it('names a request date in the future', () => {
    const { warnings } = accepted(prospect('<requestdate>2027-01-01</requestdate>'));
    expect(messages(warnings)).toContain(
      "unusable date '2027-01-01' in prospect[0].requestdate (it lies in the future)",
    );
  });

  it('fills the VIN from the customer comments when exactly one vehicle lacks one', () => {
    const { leads, warnings } = accepted(
      prospect(
        '<customer><contact><name>Hans Müller</name><email>h@m.de</email></contact><comments>Mein Auto: FIN wba8e9c50gk123456</comments></customer>',
      ),
    );
    expect(leads[0]!.vehicles[0]!.vin).toBe('WBA8E9C50GK123456');
    expect(warnings.map((w) => w.path)).toContain('prospect[0].vehicle[0].vin');
  });

  it('names a VIN that is not 17 valid characters', () => {
    const { leads, warnings } = accepted(prospect('<vehicle><make>VW</make><vin>WVWZZZ1KZ0W12345</vin></vehicle>'));
    expect(leads[0]!.vehicles[0]!.vin).toBeNull();
    expect(warnings[0]!.message).toMatch(/^unusable VIN 'WVWZZZ1KZ0W12345' in prospect\[0\]\.vehicle\[0\]\.vin/);
  });

  it('accepts a lead with a name only, warning that it cannot be contacted', () => {
    const { leads, warnings } = accepted(prospect('<customer><contact><name>Hans Müller</name></contact></customer>'));
    expect(leads[0]!.customer.lastName).toBe('Müller');
    expect(warnings).toContainEqual({
      code: 'missing',
      path: 'prospect[0].customer.contact',
      message: 'missing: customer contact has neither a phone number nor an e-mail address',
    });
  });

  it('drops invalid e-mail addresses and phone numbers, naming them', () => {
    const { leads, warnings } = accepted(
      prospect(
        '<customer><contact><name>Hans Müller</name><email>hans at example</email><email>h@m.de; mailto:H@M.de</email><phone>keine Angabe</phone></contact></customer>',
      ),
    );
    expect(leads[0]!.customer.emails).toEqual(['h@m.de']);
    expect(leads[0]!.customer.phones).toEqual([]);
    expect(messages(warnings)).toEqual(
      expect.arrayContaining([
        "unusable e-mail address 'hans' in prospect[0].customer.contact.email",
        "unusable phone number 'keine Angabe' in prospect[0].customer.contact.phone",
      ]),
    );
  });

  it('names every missing required element but still accepts a reachable customer', () => {
    const { warnings } = accepted(
      '<adf><prospect><customer><contact><email>a@b.de</email></contact></customer></prospect></adf>',
    );
    expect(messages(warnings)).toEqual([
      'missing: prospect[0].vehicle',
      'missing: prospect[0].vendor (the dealer the lead is for)',
      'missing: prospect[0].requestdate',
    ]);
  });

  it('warns when a resend carries no id to match it by', () => {
    const { leads, warnings } = accepted(prospect('', ' status="Resend"'));
    expect(leads[0]!.status).toBe('resend');
    expect(warnings.map((w) => w.path)).toContain('prospect[0].id');
  });

  it('reads contact details placed directly in <customer>', () => {
    const lead = onlyLead(prospect('<customer><name>Müller, Hans</name><phone>0171 1234567</phone></customer>'));
    expect(lead.customer).toMatchObject({ firstName: 'Hans', lastName: 'Müller', phones: [{ kind: 'mobile' }] });
  });

  it('rejects the whole document when one of its prospects is unusable', () => {
    const errors = rejected(
      `<adf>${prospect('').replace(/<\/?adf>/g, '')}<prospect><customer><comments>?</comments></customer></prospect></adf>`,
    );
    expect(errors.map((e) => e.path)).toEqual(['prospect[1].customer']);
  });

  it.each([
    ['', 'input is empty'],
    ['Hallo, bitte rufen Sie mich an.', 'input is not XML: it contains no element'],
  ])('rejects %j as not XML', (input, message) => {
    expect(rejected(input)).toEqual([{ code: 'not_xml', path: 'document', message }]);
  });

  it('rejects an <adf> without any prospect', () => {
    expect(rejected('<?adf version="1.0"?><adf></adf>')).toEqual([
      { code: 'missing', path: 'adf', message: 'missing: the ADF document contains no <prospect>' },
    ]);
  });

  it('reports the line and column of an element that is never closed', () => {
    const [error] = rejected('<adf>\n  <prospect>\n    <customer>\n');
    expect(error!.message).toMatch(/^malformed XML: element <customer> opened at line 3, column 5 is never closed$/);
  });
});
