import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTimelineText } from '@shared/texts/timeline';
import { translator } from '@shared/texts/translate';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { callbackRequest, createRequest, intakeKey } from '../requests/test-support';

let t: TestApp;
let reception: TestClient & { userId: string };
let key: { headers: Record<string, string> };
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
  key = await intakeKey(t, await t.userWithRole('admin'));
});
afterAll(() => t.close());

const english = (text: Entry['text']) => renderTimelineText(text!, translator('en'), 'en');

async function timelineOf(contactId: string) {
  return ((await reception.get(`/api/contacts/${contactId}/timeline`)).json() as { items: Entry[] }).items;
}

/** A lead from a web form through the intake API. */
async function lead(customer: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/intake/requests',
    headers: { ...key.headers, 'idempotency-key': `timeline-texts-${++sequence}` },
    payload: { type: 'sales_lead', locationCode: t.location.code, message: 'Angebot bitte', customer },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (await reception.get(`/api/requests/${res.json().request.id}`)).json() as {
    id: string;
    number: string;
    contact: { id: string };
  };
}

async function existing(lastName: string, details: { phone?: string; email?: string }) {
  const res = await reception.post('/api/contacts', {
    firstName: 'Jakob',
    lastName,
    homeLocationId: t.location.id,
    phones: details.phone ? [{ kind: 'mobile', number: details.phone }] : [],
    emails: details.email ? [{ address: details.email }] : [],
    ignoreDuplicates: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; customerNumber: string };
}

type Entry = { kind: string; summary: string; text: { key: string; params: Record<string, unknown> } | null };

describe('timeline summaries as text keys', () => {
  it('stores what a German-speaking colleague took in as a key and parameters beside the German summary', async () => {
    const request = await createRequest(reception, callbackRequest(t.location.id, { subject: 'Frage zur Inspektion' }));
    const { items } = (await reception.get(`/api/contacts/${request.contact.id}/timeline`)).json() as {
      items: Entry[];
    };
    const received = items.find((e) => e.kind === 'request')!;
    expect(received.summary).toBe(`Anliegen ${request.number} eingegangen: Rückruf – Frage zur Inspektion`);
    expect(received.text).toEqual({
      key: 'timeline.requestReceived',
      params: { number: request.number, type: 'callback', subject: 'Frage zur Inspektion' },
    });
    // An English-speaking reader gets the same entry in English.
    expect(renderTimelineText(received.text!, translator('en'), 'en')).toBe(
      `Request ${request.number} received: Callback – Frage zur Inspektion`,
    );
  });

  it('writes the details a lead adds to a known contact as a key, so an English reader reads them in English', async () => {
    const n = ++sequence;
    const known = await existing(`Adler${n}`, { phone: `0171 96${n}0001` });
    const request = await lead({
      firstName: 'Jakob',
      lastName: `Adler${n}`,
      phone: `0171 96${n}0001`,
      email: `jakob${n}@adler.example`,
    });
    expect(request.contact.id).toBe(known.id);
    const added = (await timelineOf(known.id)).find((e) => e.text?.key === 'timeline.detailsAdded')!;
    expect(added).toMatchObject({
      kind: 'contact_changed',
      summary: `E-Mail jakob${n}@adler.example aus Anliegen ${request.number} hinzugefügt`,
    });
    expect(english(added.text)).toBe(`E-mail jakob${n}@adler.example added from request ${request.number}`);
  });

  it('writes the possible duplicate of a lead as a key, so an English reader reads it in English', async () => {
    const n = ++sequence;
    const other = await existing(`Berger${n}`, { phone: `0171 97${n}0001` });
    const request = await lead({ firstName: 'Anna', lastName: `Neumann${n}`, phone: `0171 97${n}0001` });
    expect(request.contact.id).not.toBe(other.id);
    const flagged = (await timelineOf(request.contact.id)).find((e) => e.kind === 'possible_duplicate')!;
    expect(flagged.summary).toBe(
      `Möglicherweise dieselbe Person wie Berger${n}, Jakob (${other.customerNumber}): gleiche Telefonnummer ` +
        `(Angaben aus Anliegen ${request.number})`,
    );
    expect(flagged.text?.key).toBe('timeline.possibleDuplicate');
    expect(english(flagged.text)).toBe(
      `Possibly the same person as Berger${n}, Jakob (${other.customerNumber}): same phone number ` +
        `(details from request ${request.number})`,
    );
  });
});
