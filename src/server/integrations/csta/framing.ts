/**
 * CSTA XML over TCP (ECMA-323 annex): every message is
 *   0x00 0x00 | length (2 bytes, big-endian, the whole frame) | invoke id (4 ASCII chars) | XML (UTF-8).
 * Events carry the invoke id 9999; requests and their responses share one of 0001–9998.
 */

export const HEADER_BYTES = 4;
export const INVOKE_ID_BYTES = 4;
const PREFIX_BYTES = HEADER_BYTES + INVOKE_ID_BYTES;
export const MAX_FRAME_BYTES = 0xffff;
export const EVENT_INVOKE_ID = '9999';

export interface Frame {
  invokeId: string;
  xml: string;
}

export function encodeFrame(invokeId: string, xml: string): Buffer {
  if (!/^\d{4}$/.test(invokeId)) throw new Error(`invalid CSTA invoke id "${invokeId}"`);
  const body = Buffer.from(xml, 'utf8');
  const length = PREFIX_BYTES + body.length;
  if (length > MAX_FRAME_BYTES) throw new Error(`CSTA message of ${length} bytes exceeds the frame limit`);
  const frame = Buffer.alloc(length);
  frame.writeUInt16BE(length, 2);
  frame.write(invokeId, HEADER_BYTES, 'ascii');
  body.copy(frame, PREFIX_BYTES);
  return frame;
}

/** Rotates through 0001–9998; 9999 is reserved for events. */
export class InvokeIds {
  private last = 0;
  next(): string {
    this.last = (this.last % 9998) + 1;
    return String(this.last).padStart(4, '0');
  }
}

export interface DecodeResult {
  frames: Frame[];
  /** Bytes skipped because they did not start a plausible frame. */
  skippedBytes: number;
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
// The XML may start with '<', white space or a UTF-8 byte order mark.
const canStartXml = (b: number) => b === 0x3c || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef;

/**
 * Turns a byte stream into frames, whatever the TCP chunking. Bytes that do not
 * start a plausible frame are skipped up to the next plausible header, so one
 * corrupt message costs that message and not the link.
 */
export class FrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  /** How far the body of the frame at the head of the buffer was searched for zero bytes. */
  private scannedUpTo = PREFIX_BYTES;

  push(chunk: Buffer): DecodeResult {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    let skippedBytes = 0;
    for (;;) {
      const check = this.checkHeaderAt(0);
      if (check === 'incomplete') break;
      if (check === 'invalid') {
        const next = this.findHeaderFrom(1);
        skippedBytes += next;
        this.advance(next);
        continue;
      }
      const length = this.buffer.readUInt16BE(2);
      if (this.announcesTooMuch(length)) {
        const next = this.findHeaderFrom(1);
        skippedBytes += next;
        this.advance(next);
        continue;
      }
      if (this.buffer.length < length) break;
      frames.push({
        invokeId: this.buffer.toString('ascii', HEADER_BYTES, PREFIX_BYTES),
        xml: this.buffer.toString('utf8', PREFIX_BYTES, length),
      });
      this.advance(length);
    }
    return { frames, skippedBytes };
  }

  /**
   * UTF-8 XML never holds a zero byte, and every frame header starts with two.
   * A zero inside the length the head frame announces means that length is a
   * lie (or the frame was cut short) and the next frame already began: waiting
   * for the rest would swallow up to 64 KB of good messages. Each byte is
   * looked at once however the frame trickles in.
   */
  private announcesTooMuch(length: number): boolean {
    const end = Math.min(length, this.buffer.length);
    if (this.buffer.subarray(0, end).indexOf(0, this.scannedUpTo) !== -1) return true;
    this.scannedUpTo = end;
    return false;
  }

  private advance(bytes: number): void {
    this.buffer = this.buffer.subarray(bytes);
    this.scannedUpTo = PREFIX_BYTES;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  private checkHeaderAt(at: number): 'ok' | 'incomplete' | 'invalid' {
    const b = this.buffer;
    const available = b.length - at;
    if (available < 1) return 'incomplete';
    if (b[at] !== 0) return 'invalid';
    if (available < 2) return 'incomplete';
    if (b[at + 1] !== 0) return 'invalid';
    if (available < HEADER_BYTES) return 'incomplete';
    if (b.readUInt16BE(at + 2) <= PREFIX_BYTES) return 'invalid';
    for (let i = 0; i < INVOKE_ID_BYTES; i++) {
      if (available < HEADER_BYTES + i + 1) return 'incomplete';
      if (!isDigit(b[at + HEADER_BYTES + i]!)) return 'invalid';
    }
    if (available < PREFIX_BYTES + 1) return 'incomplete';
    return canStartXml(b[at + PREFIX_BYTES]!) ? 'ok' : 'invalid';
  }

  /** The offset of the next position that could start a frame, or where undecidable bytes begin. */
  private findHeaderFrom(from: number): number {
    for (let at = from; at < this.buffer.length; at++) {
      if (this.checkHeaderAt(at) !== 'invalid') return at;
    }
    return this.buffer.length;
  }
}
