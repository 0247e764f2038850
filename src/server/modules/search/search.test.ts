import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testLocation, type TestApp, type TestClient } from '@test/support/app';
import { searchFactory } from './test-factories';

type Result = {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  matchedOn: string;
  contactId: string | null;
  blocked: boolean;
};

let t: TestApp;
let user: TestClient;
let hans: { id: string; customerNumber: string };
let hansHere: { id: string };
let company: { id: string };
let merged: { id: string; customerNumber: string };
let golf: { id: string };
let renamed: { id: string };
let obermeier: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const munich = await t.services.org.createLocation(
    null,
    testLocation({ name: 'Autohaus Test München', code: 'MUC', federalState: 'BY' }),
  );
  const elsewhere = { id: munich.id, code: munich.code };
  const make = searchFactory(t.database, () => t.clock.now());
  hans = await make.contact({
    location: elsewhere,
    lastName: 'Müller',
    firstName: 'Hans',
    customerNumber: 'MUC-100123',
    phones: ['0171 1234567'],
    emails: ['Hans.Mueller@Example.test'],
  });
  hansHere = await make.contact({
    location: t.location,
    lastName: 'Müller',
    firstName: 'Hans',
    phones: ['0711 9876543'],
  });
  merged = await make.contact({
    location: t.location,
    lastName: 'Müller',
    firstName: 'Hans',
    mergedIntoId: hans.id,
    phones: ['0171 1234567'],
    emails: ['hans.mueller@example.test'],
  });
  company = await make.contact({ location: elsewhere, companyName: 'Mueller Bau GmbH' });
  await make.contact({ location: elsewhere, lastName: 'Schröder', firstName: 'Karin', block: 'active' });
  await make.contact({ location: elsewhere, lastName: 'Schröder', firstName: 'Karl', block: 'lifted' });
  await make.contact({ location: elsewhere, lastName: 'Schröder', firstName: 'Kurt', block: 'expired' });
  await make.contact({ location: elsewhere, lastName: 'Weber', firstName: 'Anna' });
  await make.contact({ location: elsewhere, companyName: 'Autohaus Schreiner GmbH' });
  obermeier = await make.contact({ location: elsewhere, lastName: 'Obermeier', firstName: 'Theo' });
  renamed = await make.contact({ location: elsewhere, lastName: 'Brandt', firstName: 'Ida' });
  golf = await make.vehicle({
    vin: 'WVWZZZ1KZAW123456',
    plate: 'M-AB 1234',
    make: 'VW',
    model: 'Golf',
    ownerId: hans.id,
  });
  await make.vehicle({ vin: 'WVWZZZ1KZAW765432', plate: 'M-AB 12', make: 'VW', model: 'Polo', keeperId: hansHere.id });
  user = await t.userWithRole('sales');
});
afterAll(() => t.close());

async function search(q: string, client = user): Promise<Result[]> {
  const res = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}
const ids = (results: Result[]) => results.map((r) => r.id);

describe('search bar: names', () => {
  it.each(['Müller', 'Mueller', 'Muller', 'müller'])('finds Müller when typed as %s', async (q) => {
    expect(ids(await search(q))).toEqual(expect.arrayContaining([hans.id, hansHere.id]));
  });

  it.each(['Mueler', 'Müler', 'Mülller'])('finds Müller despite the typo %s', async (q) => {
    expect(ids(await search(q))).toContain(hans.id);
  });

  it.each(['Wbeer Anna', 'Webr Anna', 'Weebr anna', 'Anna Wbeer'])(
    'puts "Weber, Anna" first despite a swapped, missing or extra letter in %s',
    async (q) => {
      const results = await search(q);
      expect(results[0]).toMatchObject({ title: 'Weber, Anna', matchedOn: 'name' });
    },
  );

  it.each(['Wbeer Anan', 'Anan Webre'])('corrects every mistyped word of %s, each to its own word', async (q) => {
    const results = await search(q);
    expect(results[0]).toMatchObject({ title: 'Weber, Anna', matchedOn: 'name' });
  });

  it('finds a long name typed with two slips (a swap and a dropped letter)', async () => {
    expect((await search('Obremeir Theo'))[0]).toMatchObject({ id: obermeier.id, title: 'Obermeier, Theo' });
  });

  it('finds a mistyped word that only stands inside a name', async () => {
    expect((await search('Schreinr'))[0]).toMatchObject({ title: 'Autohaus Schreiner GmbH', matchedOn: 'company' });
  });

  it('finds a renamed contact despite a typo in the new name', async () => {
    await t.database.query(
      `UPDATE contacts SET last_name = 'Wachtmeister', display_name = 'Wachtmeister, Ida',
              search_name = 'wachtmeister ida' WHERE id = $1`,
      [renamed.id],
    );
    expect((await search('Wachtmiester'))[0]).toMatchObject({ id: renamed.id, title: 'Wachtmeister, Ida' });
  });

  it('stores a name with a word far too long to be a name, and files only sane words for typo correction', async () => {
    // Written straight into the table, as an SQL script or an old import would: every
    // one-letter-less spelling of a 1,500-letter word used to break the index (and cost
    // 1,500 × 1,500 bytes).
    let seed = 7;
    const word = Array.from({ length: 1_500 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
    }).join('');
    const make = searchFactory(t.database, () => t.clock.now());
    const ilse = await make.contact({ location: t.location, lastName: word, firstName: 'Ilsabeth' });
    expect(ids(await search(`${word.slice(0, 12)} Ilsabeth`))).toContain(ilse.id);
    // The first name, mistyped, is still corrected; the long word is matched by its start.
    expect(ids(await search(`Ilsabteh ${word.slice(0, 12)}`))).toContain(ilse.id);
    const filed = await t.database.query<{ longest: number | null }>(
      `SELECT max(length(word))::int AS longest FROM search_word_variants`,
    );
    expect(filed[0]!.longest).toBeLessThanOrEqual(40);
  });

  it.each(['hans müller', 'müller hans', 'Müller, Hans'])(
    'finds "Müller, Hans" from "%s" in either word order',
    async (q) => {
      const results = await search(q);
      expect(results[0]!.title).toBe('Müller, Hans');
      expect(ids(results)).toContain(hans.id);
    },
  );

  it('finds a company by its name and says so', async () => {
    const results = await search('Mueller Bau');
    expect(results[0]).toMatchObject({ id: company.id, title: 'Mueller Bau GmbH', matchedOn: 'company' });
  });

  it('finds a surname from its first two letters', async () => {
    expect(ids(await search('Mü'))).toEqual(expect.arrayContaining([hans.id, company.id]));
  });

  it('ranks the user’s own location first among equally good matches', async () => {
    const results = await search('Hans Müller');
    expect(ids(results).slice(0, 2)).toEqual([hansHere.id, hans.id]);
  });

  it('never shows a merged contact', async () => {
    for (const q of [
      'Müller',
      'Hans Müller',
      'Mü',
      '0171 1234567',
      '4567',
      'hans.mueller@example.test',
      merged.customerNumber,
    ]) {
      expect(ids(await search(q)), q).not.toContain(merged.id);
    }
  });

  it('marks contacts with an active block, not those whose block was lifted or has run out', async () => {
    const results = await search('Schröder');
    const blocked = Object.fromEntries(results.map((r) => [r.title, r.blocked]));
    expect(blocked).toEqual({ 'Schröder, Karin': true, 'Schröder, Karl': false, 'Schröder, Kurt': false });
  });
});

describe('search bar: identifiers', () => {
  it.each(['0171 1234567', '+49 171 1234567', '0049171 1234567', '01711234567', '0171/123 45 67'])(
    'finds a contact by phone number typed as %s',
    async (q) => {
      const results = await search(q);
      expect(results[0]).toMatchObject({ id: hans.id, matchedOn: 'phone', subtitle: '0171 1234567' });
    },
  );

  it.each(['4567', '1234567'])('finds a contact by the last digits %s of the number', async (q) => {
    const results = await search(q);
    expect(results.find((r) => r.id === hans.id)).toMatchObject({ matchedOn: 'phone', subtitle: '0171 1234567' });
  });

  it.each(['hans.mueller@example.test', 'Hans.Mueller@Example.TEST', 'hans.mue@'])(
    'finds a contact by e-mail %s',
    async (q) => {
      const results = await search(q.endsWith('@') ? 'hans.mueller@' : q);
      expect(results[0]).toMatchObject({ id: hans.id, matchedOn: 'email', subtitle: 'hans.mueller@example.test' });
    },
  );

  it.each(['MUC-100123', 'muc-100123', 'MUC100123', '100123'])('finds a contact by customer number %s', async (q) => {
    const results = await search(q);
    expect(results[0]).toMatchObject({ id: hans.id, matchedOn: 'customerNumber' });
  });

  it.each(['M-AB 1234', 'mab1234', 'M AB 1234'])('finds a vehicle and its owner by the plate %s', async (q) => {
    const results = await search(q);
    expect(results[0]).toMatchObject({
      type: 'vehicle',
      id: golf.id,
      title: 'VW Golf · M-AB 1234',
      subtitle: 'Müller, Hans',
      matchedOn: 'plate',
      contactId: hans.id,
    });
  });

  it('finds vehicles by the start of a plate, the exact plate first', async () => {
    const results = await search('M AB');
    expect(results.map((r) => r.title)).toEqual(['VW Polo · M-AB 12', 'VW Golf · M-AB 1234']);
    expect((await search('M-AB 12'))[0]!.title).toBe('VW Polo · M-AB 12');
  });

  it('opens the keeper when a vehicle has no owner', async () => {
    const results = await search('M-AB 12');
    expect(results[0]).toMatchObject({ contactId: hansHere.id, subtitle: 'Müller, Hans' });
  });

  it.each(['WVWZZZ1KZAW123456', 'wvw zzz 1kz aw 123456', 'W123456'])('finds a vehicle by the VIN %s', async (q) => {
    const results = await search(q);
    expect(results[0]).toMatchObject({ type: 'vehicle', id: golf.id, matchedOn: 'vin', contactId: hans.id });
  });

  it('ranks an exact identifier above name matches', async () => {
    const results = await search('MUC-100123');
    expect(results).toHaveLength(1);
    expect(results[0]!.id).toBe(hans.id);
  });

  it('is open to every role, and answers with the time it took', async () => {
    const parts = await t.userWithRole('parts');
    const res = await parts.get('/api/search?q=Weber');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ query: 'Weber', results: [{ title: 'Weber, Anna' }] });
    expect(res.json().tookMs).toBeGreaterThanOrEqual(0);
  });
});

describe('search bar: bad input', () => {
  it.each([
    ['an empty query', '/api/search?q=', 'q'],
    ['only spaces', '/api/search?q=%20%20', 'q'],
    ['a query of 101 characters', `/api/search?q=${'a'.repeat(101)}`, 'q'],
    ['no query at all', '/api/search', 'q'],
    ['a limit above 50', '/api/search?q=Weber&limit=51', 'limit'],
  ])('answers 400 naming the field for %s', async (_name, url, field) => {
    const res = await user.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('finds nothing, without an error, for characters that mean something to SQL', async () => {
    for (const q of ['%', '_', "O'Brien", '\\', "m%'; --"]) expect(await search(q)).toEqual([]);
  });
});
