import { describe, expect, it } from 'vitest';
import { LETTER_MAX_PAGES } from '@shared/requests/letters';
import { fromTsv } from './ocr';
import { readLetter } from './read-letter';
import { letterPdf } from './sample-letter';
import { imageOnlyPdf, scannedPng } from './test-files';

const tools = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', timeoutMs: 20_000 };

describe('reading a letter', () => {
  it('gives up on a damaged or hostile file with a note, without throwing', async () => {
    const broken = Buffer.concat([
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n'),
      Buffer.alloc(2000, 0xff),
    ]);
    expect(await readLetter({ contentType: 'application/pdf', content: broken }, tools)).toMatchObject({
      status: 'unread',
      text: null,
      notes: [{ key: 'fileUnreadable' }],
    });
    const notAnImage = Buffer.from('\x89PNG\r\n\x1a\n but nothing after the signature');
    expect(await readLetter({ contentType: 'image/png', content: notAnImage }, tools)).toMatchObject({
      status: 'unread',
      notes: [{ key: 'fileUnreadable' }],
    });
  });

  it('says that HEIC photos cannot be read by the OCR', async () => {
    expect(await readLetter({ contentType: 'image/heic', content: Buffer.from('heic') }, tools)).toMatchObject({
      status: 'unread',
      notes: [{ key: 'imageUnsupported' }],
    });
  });

  it(`reads at most ${LETTER_MAX_PAGES} pages of a long PDF and says which were left`, async () => {
    const long = await letterPdf(['Seite mit Text'], { pages: LETTER_MAX_PAGES + 2 });
    const reading = await readLetter({ contentType: 'application/pdf', content: long }, tools);
    expect(reading).toMatchObject({ status: 'read', source: 'text_layer', pages: LETTER_MAX_PAGES + 2 });
    expect(reading.text!.match(/Seite mit Text/g)).toHaveLength(LETTER_MAX_PAGES);
    expect(reading.notes).toEqual([
      { key: 'pagesSkipped', params: { from: LETTER_MAX_PAGES + 1, to: LETTER_MAX_PAGES + 2, max: LETTER_MAX_PAGES } },
    ]);
  });

  it('says so when scanned pages cannot be turned into images, and keeps the pages that have text', async () => {
    const typed = await letterPdf(['Getippte Seite']);
    const scan = await imageOnlyPdf([await scannedPng(['Gescannt'])]);
    expect(
      await readLetter({ contentType: 'application/pdf', content: scan }, { ...tools, pdftoppm: '/fehlt/pdftoppm' }),
    ).toMatchObject({
      status: 'unread',
      notes: [{ key: 'rendererMissing' }, { key: 'pageUnreadable', params: { page: 1 } }],
    });
    expect((await readLetter({ contentType: 'application/pdf', content: typed }, tools)).text).toBe('Getippte Seite');
  });

  it("puts Tesseract's words back into lines and paragraphs with their mean confidence", () => {
    const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (block: number, line: number, n: number, conf: number, text: string) =>
      `5\t1\t${block}\t1\t${line}\t${n}\t0\t0\t10\t10\t${conf}\t${text}`;
    const tsv = [
      header,
      word(1, 1, 1, 90, 'Sehr'),
      word(1, 1, 2, 80, 'geehrte'),
      word(1, 2, 1, 70, 'Damen'),
      word(2, 1, 1, 96, 'Reklamation'),
      '4\t1\t2\t1\t1\t0\t0\t0\t0\t0\t-1\t',
    ].join('\n');
    expect(fromTsv(tsv)).toEqual({ text: 'Sehr geehrte\nDamen\n\nReklamation', confidence: 84 });
  });
});
