import { describe, expect, it } from 'vitest';
import { renderTimelineText, timelineText } from './timeline';
import { translator } from './translate';

describe('timeline texts', () => {
  it('name a complaint’s category and severity in the reader’s words', () => {
    const entry = timelineText('timeline.complaint', {
      number: 'R-100023',
      event: 'qualified',
      detail: 'delivery_date/high',
    });
    expect(entry.summary).toBe('Reklamation R-100023 qualifiziert: Liefertermin, hoch');
    expect(renderTimelineText(entry.text, translator('en'), 'en')).toMatch(/R-100023.*Delivery date, high/i);
  });

  it('give the contract end the bank reports with its full year, in either language', () => {
    const entry = timelineText('timeline.financingEndFromBank', { label: 'K-BF 101 (VW Golf)', end: '2027-03-31' });
    expect(entry.summary).toBe('Finanzierungsende laut Bank: 31.03.2027 (Fahrzeug K-BF 101 (VW Golf))');
    expect(renderTimelineText(entry.text, translator('en'), 'en')).toBe(
      'Financing ends according to the bank: 31/03/2027 (vehicle K-BF 101 (VW Golf))',
    );
  });

  it('keep the German summary and render the same entry in English', () => {
    const entry = timelineText('timeline.requestReceived', {
      number: 'A-1',
      type: 'callback',
      subject: 'Bitte anrufen',
    });
    expect(entry.summary).toBe('Anliegen A-1 eingegangen: Rückruf – Bitte anrufen');
    expect(renderTimelineText(entry.text, translator('en'), 'en')).toBe(
      'Request A-1 received: Callback – Bitte anrufen',
    );
  });

  it('name the type once when the subject already starts with it, in either language', () => {
    const german = timelineText('timeline.requestReceived', {
      number: 'A-2',
      type: 'callback',
      subject: 'Rückrufbitte',
    });
    expect(german.summary).toBe('Anliegen A-2 eingegangen: Rückrufbitte');
    const english = {
      key: 'timeline.requestReceived',
      params: { number: 'A-3', type: 'callback', subject: 'callback please' },
    };
    expect(renderTimelineText(english, translator('en'), 'en')).toBe('Request A-3 received: callback please');
  });

  it('word details a request added to its contact, at intake or taken over later, in either language', () => {
    const en = translator('en');
    const details = { phones: ['0211 123456'], emails: ['a@b.de'], addresses: ['Königsallee 1, 40212 Düsseldorf'] };
    const added = timelineText('timeline.detailsAdded', { number: 'A-6', how: 'added', ...details });
    expect(added.summary).toBe(
      'Telefon 0211 123456, E-Mail a@b.de, Adresse Königsallee 1, 40212 Düsseldorf aus Anliegen A-6 hinzugefügt',
    );
    expect(renderTimelineText(added.text, en, 'en')).toBe(
      'Phone 0211 123456, E-mail a@b.de, Address Königsallee 1, 40212 Düsseldorf added from request A-6',
    );
    const taken = timelineText('timeline.detailsAdded', {
      number: 'A-7',
      how: 'takenOver',
      phones: ['0171 7654321'],
      emails: [],
      addresses: [],
    });
    expect(taken.summary).toBe('Telefon 0171 7654321 aus Anliegen A-7 übernommen');
    expect(renderTimelineText(taken.text, en, 'en')).toBe('Phone 0171 7654321 taken over from request A-7');
  });

  it('leave a key this version does not know to the stored summary', () => {
    expect(renderTimelineText({ key: 'timeline.fromTheFuture', params: {} }, translator('en'), 'en')).toBeUndefined();
  });

  it('put values into words in the reader’s language', () => {
    const en = translator('en');
    const lost = timelineText('timeline.requestLost', { number: 'A-4', reason: 'bought_elsewhere' });
    expect(lost.summary).toBe('Anliegen A-4 verloren: woanders gekauft');
    expect(renderTimelineText(lost.text, en, 'en')).toBe('Request A-4 lost: bought elsewhere');
    const attempt = timelineText('timeline.contactAttempt', { channel: 'phone', outcome: 'no_answer' });
    expect(attempt.summary).toBe('Anrufversuch: nicht erreicht');
    expect(renderTimelineText(attempt.text, en, 'en')).toBe('Call attempt: not reached');
    const status = timelineText('timeline.requestStatus', { number: 'A-5', status: 'waiting' });
    expect(status.summary).toBe('Anliegen A-5: wartet auf Kunden');
    expect(renderTimelineText(status.text, en, 'en')).toBe('Request A-5: waiting for customer');
  });

  it('word a call with its number and length only when they are known', () => {
    const en = translator('en');
    const inbound = timelineText('timeline.call', {
      variant: 'inbound',
      direction: 'inbound',
      number: '0171 7654321',
      durationSeconds: 125,
    });
    expect(inbound.summary).toBe('Eingehender Anruf von 0171 7654321 (2:05 min)');
    expect(renderTimelineText(inbound.text, en, 'en')).toBe('Incoming call from 0171 7654321 (2:05 min)');
    const unreached = timelineText('timeline.call', {
      variant: 'notReached',
      direction: 'outbound',
      number: null,
      durationSeconds: null,
    });
    expect(unreached.summary).toBe('Anruf: nicht erreicht');
    expect(renderTimelineText(unreached.text, en, 'en')).toBe('Call: not reached');
  });

  it('name a vehicle’s roles and changed fields in the reader’s language', () => {
    const en = translator('en');
    const linked = timelineText('timeline.vehicleLinked', {
      label: 'M-AB 1234 (VW Golf)',
      role: 'owner',
      previous: 'Altmann, Anna',
    });
    expect(linked.summary).toBe('Fahrzeug M-AB 1234 (VW Golf) als Eigentümer verknüpft (Wechsel von Altmann, Anna)');
    expect(renderTimelineText(linked.text, en, 'en')).toBe(
      'Vehicle M-AB 1234 (VW Golf) linked as owner (taking over from Altmann, Anna)',
    );
    const changed = timelineText('timeline.vehicleChanged', {
      label: 'HH-Q 9 (VW Golf)',
      fields: ['mileageKm', 'colour'],
    });
    expect(changed.summary).toBe('Fahrzeug HH-Q 9 (VW Golf) geändert: Kilometerstand, colour');
    expect(renderTimelineText(changed.text, en, 'en')).toBe('Vehicle HH-Q 9 (VW Golf) changed: mileage, colour');
  });

  it('count the attachments of a customer e-mail in the singular and the plural, in either language', () => {
    const en = translator('en');
    const one = timelineText('timeline.customerEmailSent', { to: 'a@b.de', subject: 'Angebot', attachments: 1 });
    expect(one.summary).toBe('E-Mail an a@b.de: Angebot (mit 1 Anhang)');
    expect(renderTimelineText(one.text, en, 'en')).toBe('E-mail to a@b.de: Angebot (with 1 attachment)');
    const two = timelineText('timeline.customerEmailSent', { to: 'a@b.de', subject: 'Angebot', attachments: 2 });
    expect(two.summary).toBe('E-Mail an a@b.de: Angebot (mit 2 Anhängen)');
    expect(renderTimelineText(two.text, en, 'en')).toBe('E-mail to a@b.de: Angebot (with 2 attachments)');
    const none = timelineText('timeline.customerEmailSent', { to: 'a@b.de', subject: 'Angebot', attachments: 0 });
    expect(none.summary).not.toContain('Anh');
  });
});
