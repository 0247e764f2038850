import { describe, expect, it } from 'vitest';
import { deviceIdOf, parseDeviceId } from './device-id';
import { dialString } from './adapter';
import { parseXml, type XmlNode } from './xml';

const de = { country: 'DE' as const, extensionMaxLength: 6 };

describe('CSTA device ids', () => {
  it.each([
    ['N<+302118840100>;noa=nk;cr=1', '+302118840100'],
    ['N<0891234567>', '+49891234567'],
    ['N<891234567>;noa=national', '+49891234567'],
    ['N<4989123456>;noa=international', '+4989123456'],
    ['<sip:+4989123456@pbx.autohaus.test>', '+4989123456'],
    ['sip:+4917112345678@10.0.0.1;user=phone', '+4917112345678'],
    ['tel:+43-1-5875000', '+4315875000'],
    ['+49 89 123456', '+4989123456'],
    ['004989123456', '+4989123456'],
    ['0171 12345678', '+4917112345678'],
  ])('reads %s as %s', (raw, e164) => {
    expect(parseDeviceId(raw, de)).toEqual({ raw, e164, extension: null });
  });

  it('keeps internal extensions as extensions, never as phone numbers', () => {
    expect(parseDeviceId('21', de)).toEqual({ raw: '21', e164: null, extension: '21' });
    expect(parseDeviceId('N<2104>', de)).toEqual({ raw: 'N<2104>', e164: null, extension: '2104' });
    expect(parseDeviceId('<sip:21@pbx>', de)).toEqual({ raw: '<sip:21@pbx>', e164: null, extension: '21' });
    expect(parseDeviceId('**610', de)).toMatchObject({ e164: null, extension: '**610' });
  });

  it('reads hidden callers as no number', () => {
    for (const raw of [
      'anonymous',
      'restricted',
      'notKnown',
      '',
      'N<anonymous>',
      '<sip:anonymous@anonymous.invalid>',
    ]) {
      expect(parseDeviceId(raw, de)).toMatchObject({ e164: null, extension: null });
    }
    expect(parseDeviceId(null, de)).toEqual({ raw: null, e164: null, extension: null });
  });

  it('reads national numbers in the country of the PBX', () => {
    expect(parseDeviceId('N<01 5875000>', { country: 'AT', extensionMaxLength: 4 }).e164).toBe('+4315875000');
    expect(parseDeviceId('0891234567', { country: 'AT', extensionMaxLength: 4 }).e164).not.toBe('+49891234567');
  });

  it('takes a bare number without hint as international without "+", as national only when that is no number', () => {
    // Also a Berlin number (030 2118840100), but PBXs send national numbers with their trunk prefix.
    expect(parseDeviceId('N<302118840100>;noa=nk', de).e164).toBe('+302118840100');
    expect(parseDeviceId('N<4989123456>;noa=nk', de).e164).toBe('+4989123456');
    // +89… is no country: the Munich number without its 0.
    expect(parseDeviceId('N<891234567>;noa=nk', de).e164).toBe('+49891234567');
    expect(parseDeviceId('N<302118840100>;noa=national', de).e164).toBe('+49302118840100');
  });

  it('reads a dialled number with the outside-line prefix the PBX reports it with', () => {
    const withPrefix = { ...de, outsideLinePrefix: '0' };
    expect(parseDeviceId('00891234567', withPrefix).e164).toBe('+49891234567');
    expect(parseDeviceId('0004315875000', withPrefix).e164).toBe('+4315875000');
    expect(parseDeviceId('0891234567', withPrefix).e164).toBe('+49891234567');
    expect(parseDeviceId('00891234567', de).e164).toBeNull();
  });

  const node = (xml: string): XmlNode => {
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.root;
  };

  it('finds the device id in the element forms of events and responses', () => {
    expect(
      deviceIdOf(
        node('<callingDevice><deviceIdentifier>N&lt;+4989123456&gt;;noa=nk</deviceIdentifier></callingDevice>'),
      ),
    ).toBe('N<+4989123456>;noa=nk');
    expect(
      deviceIdOf(
        node(
          '<x:calledDevice xmlns:x="urn:a"><x:deviceIdentifier typeOfNumber="dialingNumber">21</x:deviceIdentifier></x:calledDevice>',
        ),
      ),
    ).toBe('21');
    expect(deviceIdOf(node('<alertingDevice>22</alertingDevice>'))).toBe('22');
    expect(deviceIdOf(node('<callingDevice><notKnown/></callingDevice>'))).toBeNull();
    expect(deviceIdOf(node('<releasingDevice><restricted/></releasingDevice>'))).toBeNull();
    expect(
      deviceIdOf(node('<establishedConnection><callID>7</callID><deviceID>21</deviceID></establishedConnection>')),
    ).toBe('21');
    expect(
      deviceIdOf(
        node('<newDestination><deviceIDType><deviceIdentifier>23</deviceIdentifier></deviceIDType></newDestination>'),
      ),
    ).toBe('23');
  });

  it('dials in the format the PBX wants', () => {
    const settings = { country: 'DE' as const, extensionMaxLength: 6, dialPrefix: '', dialFormat: 'e164' as const };
    expect(dialString('+49 89 1234567', settings)).toBe('+49891234567');
    expect(dialString('089 1234567', { ...settings, dialFormat: 'national', dialPrefix: '0' })).toBe('00891234567');
    expect(dialString('+43 1 5875000', { ...settings, dialFormat: 'national', dialPrefix: '0' })).toBe('0004315875000');
    expect(dialString('22', { ...settings, dialPrefix: '0' })).toBe('22');
  });
});
