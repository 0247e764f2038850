import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PrintedLetterhead } from '../letterheads';
import { renderSample } from '../sample';

const MM = 72 / 25.4;

const letterhead = (overrides: Partial<PrintedLetterhead>): PrintedLetterhead => ({
  companyName: 'Autohaus Muster GmbH',
  street: 'Hauptstraße 1',
  postalCode: '80331',
  city: 'München',
  phone: null,
  email: null,
  web: null,
  registerCourt: null,
  registerNumber: null,
  vatId: null,
  managingDirectors: null,
  bankName: null,
  iban: null,
  bic: null,
  logo: null,
  ...overrides,
});

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

interface Line {
  x: number;
  y: number;
  height: number;
  text: string;
}

/** The lines of the first page with their positions in points, as pdftotext reads them. */
async function linesOf(pdf: Buffer): Promise<Line[]> {
  const dir = await mkdtemp(join(tmpdir(), 'letter-'));
  try {
    await writeFile(join(dir, 'letter.pdf'), pdf);
    const { stdout } = await promisify(execFile)(
      'pdftotext',
      ['-bbox-layout', '-f', '1', '-l', '1', 'letter.pdf', '-'],
      {
        cwd: dir,
      },
    );
    return [
      ...stdout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
    ].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      height: Number(m[3]) - Number(m[2]),
      text: [...m[4]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescapeXml(w[1]!)).join(' '),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What is printed in the address window above the recipient, left of the information block. */
async function senderLines(pdf: Buffer): Promise<Line[]> {
  const windowTop = 45 * MM;
  return (await linesOf(pdf)).filter(
    (line) => line.y >= windowTop && line.y < windowTop + 12.7 * MM - 1 && line.x < 100 * MM,
  );
}

describe('the sender line above the address window', () => {
  it('prints a short address whole, on one line', async () => {
    const lines = await senderLines(await renderSample(letterhead({}), new Date('2026-12-01T09:00:00Z')));
    expect(lines.map((line) => line.text)).toEqual(['Autohaus Muster GmbH · Hauptstraße 1 · 80331 München']);
  });

  it('keeps a long address on one line: a smaller font first, then the end cut off with an ellipsis', async () => {
    const long = letterhead({
      companyName: 'Autohaus Oberbayern Vertriebs- und Servicegesellschaft mbH & Co. KG',
      street: 'Gewerbepark Nord, Hauptstraße 123a, Halle 4',
      postalCode: '82467',
      city: 'Garmisch-Partenkirchen',
    });
    const lines = await senderLines(await renderSample(long, new Date('2026-12-01T09:00:00Z')));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toMatch(
      /^Autohaus Oberbayern Vertriebs- und Servicegesellschaft mbH & Co\. KG · Gewerbepark/,
    );
    expect(lines[0]!.text).toMatch(/…$/);
    // Still legible: not below 5.5 pt (a glyph box is about the font size high).
    expect(lines[0]!.height).toBeGreaterThanOrEqual(5);

    const somewhatLong = letterhead({
      companyName: 'Autohaus Oberbayern Vertriebsgesellschaft mbH',
      city: 'Garmisch-Partenkirchen',
    });
    const shrunk = await senderLines(await renderSample(somewhatLong, new Date('2026-12-01T09:00:00Z')));
    // Fits at a smaller size: nothing of it is lost.
    expect(shrunk.map((line) => line.text)).toEqual([
      'Autohaus Oberbayern Vertriebsgesellschaft mbH · Hauptstraße 1 · 80331 Garmisch-Partenkirchen',
    ]);
  });
});
