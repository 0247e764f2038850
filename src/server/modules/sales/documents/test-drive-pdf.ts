import { formatEuro, formatGermanDate, formatGermanDateTime, formatGermanTime, formatKm } from '@shared/sales/format';
import { facts, Letter } from '@server/modules/documents';
import { type Parties, personName, recipientLines } from './parties';

/** The deductible of the demo cars' comprehensive insurance the driver bears in case of damage. */
export const TEST_DRIVE_DEDUCTIBLE_CENTS = 100_000;

export interface TestDriveDocument {
  date: Date;
  consultant: string;
  startsAt: Date;
  endsAt: Date;
  car: { make: string; model: string; variant: string | null; plate: string; vin: string | null };
  mileageOutKm: number | null;
  licence: { number: string | null; authority: string | null; checkedBy: string | null; checkedAt: Date | null };
}

const blank = '____________________';

/** The test-drive agreement (Probefahrtvereinbarung) to print and sign before the key is handed over. */
export async function renderTestDriveAgreement(parties: Parties, drive: TestDriveDocument): Promise<Buffer> {
  const { customer, letterhead } = parties;
  const letter = new Letter({
    letterhead,
    title: 'Probefahrtvereinbarung',
    fileTitle: `Probefahrtvereinbarung ${drive.car.plate} ${formatGermanDate(drive.startsAt)}`,
    date: drive.date,
    recipient: recipientLines(customer),
    info: [
      ['Kundennummer', customer.customerNumber],
      ['Ihr Ansprechpartner', drive.consultant],
    ],
  });
  letter.paragraph(
    `Zwischen der ${letterhead.companyName} (nachfolgend „Autohaus“) und ${personName(customer)} ` +
      '(nachfolgend „Fahrer“) wird die folgende Vereinbarung über eine Probefahrt geschlossen.',
  );

  letter.heading('Fahrer und Führerschein');
  facts(letter, [
    ['Name', personName(customer)],
    [
      'Anschrift',
      customer.address ? `${customer.address.street}, ${customer.address.postalCode} ${customer.address.city}` : blank,
    ],
    ['Führerscheinnummer', drive.licence.number ?? blank],
    ['Ausstellende Behörde', drive.licence.authority ?? blank],
    [
      'Führerschein geprüft',
      drive.licence.checkedBy && drive.licence.checkedAt
        ? `von ${drive.licence.checkedBy} am ${formatGermanDateTime(drive.licence.checkedAt)}`
        : blank,
    ],
  ]);

  letter.heading('Vorführwagen und Zeitraum');
  facts(letter, [
    ['Fahrzeug', [drive.car.make, drive.car.model, drive.car.variant].filter(Boolean).join(' ')],
    ['Amtliches Kennzeichen', drive.car.plate],
    ['FIN', drive.car.vin ?? '–'],
    [
      'Zeitraum',
      `${formatGermanDate(drive.startsAt)}, ${formatGermanTime(drive.startsAt)} bis ${formatGermanTime(drive.endsAt)} Uhr`,
    ],
    ['Kilometerstand bei Übergabe', drive.mileageOutKm !== null ? formatKm(drive.mileageOutKm) : blank],
    ['Kilometerstand bei Rückgabe', blank],
  ]);

  letter.heading('Bedingungen');
  letter.clauses([
    [
      'Nutzung',
      'Das Fahrzeug wird ausschließlich zur Probefahrt im vereinbarten Zeitraum überlassen. Es darf nur vom oben ' +
        'genannten Fahrer geführt werden; Fahrten ins Ausland, auf Rennstrecken und die Beförderung gegen Entgelt sind nicht gestattet.',
    ],
    [
      'Haftung',
      'Der Fahrer haftet für Schäden, die er vorsätzlich oder grob fahrlässig verursacht, in voller Höhe, ' +
        'insbesondere bei Fahrten unter Einfluss von Alkohol oder Drogen.',
    ],
    [
      'Versicherung',
      'Das Fahrzeug ist vollkaskoversichert. Bei einem vom Fahrer verschuldeten Schaden trägt er die Selbstbeteiligung ' +
        `der Vollkaskoversicherung von ${formatEuro(TEST_DRIVE_DEDUCTIBLE_CENTS)} je Schadensfall.`,
    ],
    [
      'Verkehrsverstöße',
      'Verwarnungs- und Bußgelder, Gebühren und Kosten aus Verkehrsverstößen während der Probefahrt trägt der Fahrer; ' +
        'das Autohaus darf seine Daten der zuständigen Behörde nennen.',
    ],
    [
      'Rückgabe',
      'Das Fahrzeug ist zum vereinbarten Zeitpunkt am Standort zurückzugeben, mit dem Tankfüllstand bzw. Ladezustand ' +
        'wie bei der Übergabe. Schäden und Auffälligkeiten sind sofort zu melden.',
    ],
    [
      'Datenschutz',
      'Das Autohaus verarbeitet die Angaben dieser Vereinbarung und des Führerscheins zur Durchführung der Probefahrt ' +
        'und zur Abwicklung etwaiger Schäden und Verkehrsverstöße (Art. 6 Abs. 1 lit. b und f DSGVO). Die Daten werden ' +
        'nach Ablauf der gesetzlichen Fristen gelöscht. Einzelheiten enthält unsere Datenschutzerklärung.',
    ],
  ]);

  letter.signatures(
    [`Fahrer: ${personName(customer)}`, `Für das Autohaus: ${drive.consultant}`],
    `${letterhead.city}, den`,
  );
  return letter.finish();
}
