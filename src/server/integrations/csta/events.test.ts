import { describe, expect, it } from 'vitest';
import { parseDeviceId } from './device-id';
import { EventKeys, translateEvent, type TranslateContext } from './events';
import { errorOf, readMadeCall, readSessionStarted } from './messages';
import { parseXml, type XmlNode } from './xml';

const ed3 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed3';
const ed5 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed5';

const root = (xml: string): XmlNode => {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.root;
};

const context: TranslateContext = {
  connectionId: 'c1',
  numbers: { country: 'DE', extensionMaxLength: 6 },
  ownDevice: (p) => (p.e164 === '+4989123456210' ? 'N<+4989123456210>' : null),
  now: () => new Date('2026-03-02T08:00:00Z'),
};

const delivered = (open: (name: string) => string, close: (name: string) => string, attributes = '') =>
  `${open('DeliveredEvent').replace('>', `${attributes}>`)}${open('monitorCrossRefID')}7${close('monitorCrossRefID')}` +
  `${open('connection')}${open('callID')}4711${close('callID')}${open('deviceID')}21${close('deviceID')}${close('connection')}` +
  `${open('alertingDevice')}${open('deviceIdentifier')}21${close('deviceIdentifier')}${close('alertingDevice')}` +
  `${open('callingDevice')}${open('deviceIdentifier')}N&lt;+302118840100&gt;;noa=nk${close('deviceIdentifier')}${close('callingDevice')}` +
  `${open('calledDevice')}${open('deviceIdentifier')}N&lt;0891234560&gt;${close('deviceIdentifier')}${close('calledDevice')}` +
  `${open('cause')}newCall${close('cause')}${close('DeliveredEvent')}`;

describe('CSTA messages', () => {
  it.each([
    [
      'a prefixed ed3',
      delivered(
        (n) => `<csta:${n}>`,
        (n) => `</csta:${n}>`,
        ` xmlns:csta="${ed3}"`,
      ),
    ],
    [
      'a default-namespace ed5',
      delivered(
        (n) => `<${n}>`,
        (n) => `</${n}>`,
        ` xmlns="${ed5}"`,
      ),
    ],
    [
      'a namespace-less',
      delivered(
        (n) => `<${n}>`,
        (n) => `</${n}>`,
      ),
    ],
  ])('reads %s DeliveredEvent as an inbound ringing call', (_edition, xml) => {
    const translated = translateEvent(root(`<?xml version="1.0" encoding="UTF-8"?>${xml}`), context)!;
    expect(translated.monitorCrossRefId).toBe('7');
    expect(translated.event).toMatchObject({
      provider: 'csta',
      connectionId: 'c1',
      callId: '4711',
      kind: 'ringing',
      direction: 'inbound',
      from: { raw: 'N<+302118840100>;noa=nk', e164: '+302118840100', extension: null },
      to: { e164: '+49891234560', extension: null },
      dialled: '+49891234560',
      extensions: ['21'],
      at: new Date('2026-03-02T08:00:00Z'),
    });
    expect(translated.event.payload).toMatchObject({ event: 'DeliveredEvent', cause: 'newCall' });
  });

  it('names a monitored device as configured, even when the PBX writes it as a full number', () => {
    const translated = translateEvent(
      root(
        '<EstablishedEvent><establishedConnection><callID>9</callID></establishedConnection>' +
          '<answeringDevice><deviceIdentifier>+49 89 123456-210</deviceIdentifier></answeringDevice>' +
          '<callingDevice><deviceIdentifier>anonymous</deviceIdentifier></callingDevice><timestamp>2026-03-02T09:15:00Z</timestamp></EstablishedEvent>',
      ),
      context,
    )!;
    expect(translated.event).toMatchObject({
      kind: 'answered',
      answeredBy: 'N<+4989123456210>',
      direction: 'inbound',
      from: { e164: null, extension: null },
      at: new Date('2026-03-02T09:15:00Z'),
    });
  });

  it('gives the same event seen by two monitors one key, and a repeated hold a new one', () => {
    const held = (crossRef: string) =>
      translateEvent(
        root(
          `<HeldEvent><monitorCrossRefID>${crossRef}</monitorCrossRefID><heldConnection><callID>5</callID><deviceID>21</deviceID></heldConnection><holdingDevice><deviceIdentifier>21</deviceIdentifier></holdingDevice></HeldEvent>`,
        ),
        context,
      )!;
    const keys = new EventKeys();
    const first = keys.keyFor(held('A'));
    expect(keys.keyFor(held('B'))).toBe(first);
    const second = keys.keyFor(held('A'));
    expect(second).not.toBe(first);
    expect(keys.keyFor(held('B'))).toBe(second);
  });

  it('ignores events that carry no call', () => {
    expect(
      translateEvent(
        root('<DeliveredEvent><connection><deviceID>21</deviceID></connection></DeliveredEvent>'),
        context,
      ),
    ).toBeNull();
    expect(
      translateEvent(
        root('<BackInServiceEvent><device><deviceIdentifier>21</deviceIdentifier></device></BackInServiceEvent>'),
        context,
      ),
    ).toBeNull();
  });

  it('reads session, MakeCall and error answers by local name', () => {
    expect(
      readSessionStarted(
        root(
          '<s:StartApplicationSessionPosResponse xmlns:s="http://www.ecma-international.org/standards/ecma-354/appl_session">' +
            `<s:sessionID>ab12</s:sessionID><s:actualProtocolVersion>${ed3}</s:actualProtocolVersion><s:actualSessionDuration>120</s:actualSessionDuration></s:StartApplicationSessionPosResponse>`,
        ),
      ),
    ).toEqual({ sessionId: 'ab12', protocolVersion: ed3, durationSeconds: 120 });
    expect(
      readMadeCall(
        root(
          '<MakeCallResponse><callingDevice><callID>77</callID><deviceID>21</deviceID></callingDevice></MakeCallResponse>',
        ),
      ),
    ).toEqual({
      callId: '77',
      device: '21',
    });
    expect(
      errorOf(root(`<CSTAErrorCode xmlns="${ed3}"><operation>invalidCallingDevice</operation></CSTAErrorCode>`)),
    ).toBe('operation: invalidCallingDevice');
    expect(
      errorOf(
        root(
          '<StartApplicationSessionNegResponse><errorCode><definedError>invalidApplicationInfo</definedError></errorCode></StartApplicationSessionNegResponse>',
        ),
      ),
    ).toBe('errorCode: invalidApplicationInfo');
    expect(errorOf(root('<MonitorStartResponse/>'))).toBeNull();
  });

  it('refuses malformed XML and entity declarations with a reason', () => {
    expect(parseXml('<DeliveredEvent><connection></DeliveredEvent>')).toMatchObject({ ok: false });
    expect(parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toMatchObject({ ok: false });
    expect(parseDeviceId('N<+4989123456210>').e164).toBe('+4989123456210');
  });
});
