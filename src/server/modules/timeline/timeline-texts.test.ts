import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTimelineText } from '@shared/texts/timeline';
import { translator } from '@shared/texts/translate';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { callbackRequest, createRequest } from '../requests/test-support';

let t: TestApp;
let reception: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.userWithRole('manager');
  reception = await t.userWithRole('reception');
});
afterAll(() => t.close());

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
});
