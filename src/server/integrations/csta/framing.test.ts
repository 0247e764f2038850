import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, InvokeIds } from './framing';

const xml =
  '<MonitorStart><monitorObject><deviceObject>N&lt;+4989123456&gt;</deviceObject></monitorObject></MonitorStart>';

describe('CSTA framing', () => {
  it('writes two zero bytes, the whole length in bytes, the invoke id, then the XML', () => {
    const withUmlaut = '<a>Müller</a>';
    const frame = encodeFrame('0001', withUmlaut);
    const xmlBytes = Buffer.byteLength(withUmlaut, 'utf8');
    expect(xmlBytes).toBe(withUmlaut.length + 1);
    expect([...frame.subarray(0, 2)]).toEqual([0, 0]);
    expect(frame.readUInt16BE(2)).toBe(4 + 4 + xmlBytes);
    expect(frame.length).toBe(4 + 4 + xmlBytes);
    expect(frame.toString('ascii', 4, 8)).toBe('0001');
    expect(frame.toString('utf8', 8)).toBe(withUmlaut);
  });

  it('refuses invoke ids that are not four digits and messages beyond the 16-bit length', () => {
    expect(() => encodeFrame('1', xml)).toThrow(/invoke id/);
    expect(() => encodeFrame('0001', `<a>${'x'.repeat(70_000)}</a>`)).toThrow(/exceeds/);
  });

  it('rotates request invoke ids through 0001–9998, never the event id 9999', () => {
    const ids = new InvokeIds();
    const seen = Array.from({ length: 10_000 }, () => ids.next());
    expect(seen[0]).toBe('0001');
    expect(seen[9997]).toBe('9998');
    expect(seen[9998]).toBe('0001');
    expect(seen).not.toContain('9999');
    expect(seen).not.toContain('0000');
  });

  it('reassembles a frame split across chunks, even inside the header and a UTF-8 character', () => {
    const frame = encodeFrame('9999', '<DeliveredEvent><cause>Größe</cause></DeliveredEvent>');
    const decoder = new FrameDecoder();
    const cuts = [1, 3, 6, 9, frame.indexOf(Buffer.from('ö')) + 1, frame.length];
    const frames = [];
    let from = 0;
    for (const to of cuts) {
      frames.push(...decoder.push(frame.subarray(from, to)).frames);
      from = to;
    }
    expect(frames).toEqual([{ invokeId: '9999', xml: '<DeliveredEvent><cause>Größe</cause></DeliveredEvent>' }]);
    expect(decoder.pending).toBe(0);
  });

  it('reads several frames from one chunk and keeps the start of the next', () => {
    const a = encodeFrame('0001', '<A/>');
    const b = encodeFrame('9999', '<B/>');
    const c = encodeFrame('0002', '<C/>');
    const decoder = new FrameDecoder();
    const first = decoder.push(Buffer.concat([a, b, c.subarray(0, 5)]));
    expect(first.frames.map((f) => f.xml)).toEqual(['<A/>', '<B/>']);
    expect(decoder.push(c.subarray(5)).frames).toEqual([{ invokeId: '0002', xml: '<C/>' }]);
  });

  it('skips garbage up to the next frame and reports how much it skipped', () => {
    const decoder = new FrameDecoder();
    const garbage = Buffer.from('\x01\x02HELLO\x00\x00\xff\xffXX', 'latin1');
    const result = decoder.push(
      Buffer.concat([garbage, encodeFrame('9999', '<B/>'), Buffer.from('junk'), encodeFrame('0003', '<C/>')]),
    );
    expect(result.frames).toEqual([
      { invokeId: '9999', xml: '<B/>' },
      { invokeId: '0003', xml: '<C/>' },
    ]);
    expect(result.skippedBytes).toBe(garbage.length + 4);
  });

  it('does not wait for a body announced by a header that cannot be a frame', () => {
    const decoder = new FrameDecoder();
    // A plausible length, but no digits where the invoke id must be.
    expect(decoder.push(Buffer.from([0, 0, 0xff, 0xf0, 0x41, 0x42, 0x43, 0x44, 0x3c])).skippedBytes).toBe(9);
    expect(decoder.push(encodeFrame('0001', '<A/>')).frames).toHaveLength(1);
  });

  it('gives up a frame announcing more than arrives once the next frame begins inside it', () => {
    const decoder = new FrameDecoder();
    const liar = Buffer.from([0, 0, 0xff, 0xff, 0x39, 0x39, 0x39, 0x39, 0x3c, 0x41]);
    expect(decoder.push(liar).frames).toEqual([]);
    const result = decoder.push(Buffer.concat([encodeFrame('9999', '<B/>'), encodeFrame('0004', '<C/>')]));
    expect(result.frames.map((f) => f.xml)).toEqual(['<B/>', '<C/>']);
    expect(result.skippedBytes).toBe(liar.length);
  });
});
