import { formatEuro } from '@shared/sales/format';
import type { PrintedLetterhead } from './letterheads';
import { facts, Letter, table } from './pdf';

/** A sample page on a letterhead, so an admin sees what customers will get before any offer is printed. */
export async function renderSample(letterhead: PrintedLetterhead, date: Date): Promise<Buffer> {
  const letter = new Letter({
    letterhead,
    title: 'Musterdokument (Vorschau des Briefkopfs)',
    fileTitle: 'Vorschau Briefkopf',
    date,
    recipient: ['Frau', 'Erika Mustermann', 'Musterstraße 12', '80331 München'],
    info: [
      ['Kundennummer', 'MUC-100001'],
      ['Ihr Ansprechpartner', 'Max Berater'],
    ],
  });
  letter.paragraph('Sehr geehrte Frau Mustermann,');
  letter.paragraph(
    'so sehen Angebote, Probefahrtvereinbarungen und Bestellungen dieses Standorts aus: Briefkopf mit Logo, ' +
      'Absenderzeile über dem Anschriftfeld, Registerangaben, USt-IdNr. und Bankverbindung in der Fußzeile.',
  );
  table(
    letter,
    [
      { header: 'Position', weight: 5 },
      { header: 'Betrag', weight: 2, align: 'right' },
    ],
    [
      { cells: ['Beispielfahrzeug Kombi 2.0 (Listenpreis)', formatEuro(3_499_000)] },
      { cells: ['Überführung und Zulassung', formatEuro(109_000)] },
      { cells: ['Gesamtpreis', formatEuro(3_608_000)], total: true },
    ],
  );
  facts(letter, [['Gültig bis', '31.12.2026']]);
  return letter.finish();
}
