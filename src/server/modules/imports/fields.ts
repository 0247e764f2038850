import { normalizeName } from '@shared/contacts/normalize';
import type { ImportMapping, ImportTarget } from '@shared/imports/schemas';

interface FieldDef {
  key: string;
  label: string;
  required?: boolean;
  /** Headers (German and English) that mean this field; folded like names before comparing. */
  aliases: string[];
}

const CONTACT_FIELDS: FieldDef[] = [
  {
    key: 'externalRef',
    label: 'Kundennummer (Altsystem)',
    aliases: [
      'kundennummer',
      'kundennr',
      'kd nr',
      'kdnr',
      'kunden nr',
      'customer number',
      'customer no',
      'customer id',
      'externe id',
      'external id',
      'uid',
      'id',
    ],
  },
  { key: 'kind', label: 'Art (Person/Firma)', aliases: ['art', 'kundenart', 'typ', 'kundentyp', 'kind', 'type'] },
  { key: 'salutation', label: 'Anrede', aliases: ['anrede', 'salutation', 'geschlecht', 'gender'] },
  { key: 'title', label: 'Titel', aliases: ['titel', 'title', 'akad titel'] },
  { key: 'firstName', label: 'Vorname', aliases: ['vorname', 'first name', 'firstname', 'given name', 'forename'] },
  {
    key: 'lastName',
    label: 'Nachname',
    required: true,
    aliases: ['nachname', 'name', 'familienname', 'zuname', 'last name', 'lastname', 'surname', 'family name'],
  },
  {
    key: 'companyName',
    label: 'Firma',
    aliases: ['firma', 'firmenname', 'unternehmen', 'company', 'company name', 'organisation', 'organization', 'org'],
  },
  { key: 'position', label: 'Position', aliases: ['position', 'funktion', 'job title', 'jobtitle', 'role'] },
  {
    key: 'dateOfBirth',
    label: 'Geburtsdatum',
    aliases: ['geburtsdatum', 'geb datum', 'geburtstag', 'geboren', 'date of birth', 'birthday', 'birth date', 'dob'],
  },
  {
    key: 'street',
    label: 'Straße',
    aliases: [
      'strasse',
      'str',
      'strasse und hausnummer',
      'strasse hausnummer',
      'strasse nr',
      'adresse',
      'anschrift',
      'street',
      'address',
      'street address',
    ],
  },
  { key: 'postalCode', label: 'PLZ', aliases: ['plz', 'postleitzahl', 'zip', 'zip code', 'postal code', 'postcode'] },
  { key: 'city', label: 'Ort', aliases: ['ort', 'stadt', 'wohnort', 'city', 'town'] },
  { key: 'country', label: 'Land', aliases: ['land', 'country', 'staat'] },
  {
    key: 'phoneMobile',
    label: 'Mobil',
    aliases: [
      'mobil',
      'handy',
      'mobiltelefon',
      'mobilnummer',
      'handynummer',
      'telefon mobil',
      'mobile',
      'mobile phone',
      'cell',
      'cell phone',
    ],
  },
  {
    key: 'phoneLandline',
    label: 'Telefon (privat)',
    aliases: [
      'telefon',
      'tel',
      'telefon privat',
      'tel privat',
      'festnetz',
      'telefonnummer',
      'phone',
      'telephone',
      'home phone',
      'phone number',
    ],
  },
  {
    key: 'phoneWork',
    label: 'Telefon (geschäftlich)',
    aliases: [
      'telefon geschaftlich',
      'tel geschaftlich',
      'telefon dienstlich',
      'telefon buro',
      'work phone',
      'business phone',
      'office phone',
    ],
  },
  { key: 'fax', label: 'Fax', aliases: ['fax', 'telefax', 'fax number'] },
  {
    key: 'email',
    label: 'E-Mail',
    aliases: ['e mail', 'email', 'mail', 'e mail adresse', 'email adresse', 'email address', 'e mail privat'],
  },
  {
    key: 'emailWork',
    label: 'E-Mail (geschäftlich)',
    aliases: ['e mail geschaftlich', 'email geschaftlich', 'work email', 'business email'],
  },
  {
    key: 'notes',
    label: 'Notizen',
    aliases: [
      'notiz',
      'notizen',
      'bemerkung',
      'bemerkungen',
      'hinweis',
      'hinweise',
      'kommentar',
      'notes',
      'note',
      'comment',
      'comments',
    ],
  },
  {
    key: 'tags',
    label: 'Merkmale (durch Komma getrennt)',
    aliases: ['merkmale', 'merkmal', 'kategorie', 'kategorien', 'gruppe', 'tags', 'categories'],
  },
  {
    key: 'location',
    label: 'Standort (Kürzel oder Name)',
    aliases: ['standort', 'filiale', 'betrieb', 'stammbetrieb', 'niederlassung', 'location', 'branch'],
  },
];

/** How a vehicle's identity columns are headed in the vehicle lists and the bank's list alike. */
const VIN_ALIASES = [
  'fin',
  'vin',
  'fahrgestellnummer',
  'fahrzeug identnummer',
  'fahrzeugidentifikationsnummer',
  'chassis number',
];
const PLATE_ALIASES = ['kennzeichen', 'amtliches kennzeichen', 'kfz kennzeichen', 'plate', 'license plate'];

const VEHICLE_FIELDS: FieldDef[] = [
  { key: 'vin', label: 'FIN', aliases: VIN_ALIASES },
  { key: 'plate', label: 'Kennzeichen', aliases: [...PLATE_ALIASES, 'licence plate', 'registration'] },
  { key: 'make', label: 'Marke', aliases: ['marke', 'hersteller', 'fabrikat', 'make', 'brand', 'manufacturer'] },
  { key: 'model', label: 'Modell', aliases: ['modell', 'typ modell', 'model'] },
  { key: 'variant', label: 'Ausführung', aliases: ['ausfuhrung', 'variante', 'version', 'motor', 'variant', 'trim'] },
  {
    key: 'fuel',
    label: 'Kraftstoff',
    aliases: ['kraftstoff', 'kraftstoffart', 'antrieb', 'antriebsart', 'fuel', 'fuel type'],
  },
  {
    key: 'firstRegistration',
    label: 'Erstzulassung',
    aliases: ['erstzulassung', 'ez', 'datum erstzulassung', 'first registration', 'registration date'],
  },
  {
    key: 'mileageKm',
    label: 'Kilometerstand',
    aliases: ['kilometerstand', 'km stand', 'kmstand', 'laufleistung', 'km', 'mileage', 'odometer'],
  },
  { key: 'mileageDate', label: 'Datum Kilometerstand', aliases: ['datum kilometerstand', 'km datum', 'mileage date'] },
  {
    key: 'deliveryDate',
    label: 'Auslieferung',
    aliases: ['auslieferung', 'auslieferungsdatum', 'ubergabe', 'delivery date', 'delivery'],
  },
  {
    key: 'warrantyEnd',
    label: 'Garantie bis',
    aliases: ['garantie bis', 'garantieende', 'warranty end', 'warranty until'],
  },
  {
    key: 'serviceContractUntil',
    label: 'Servicevertrag bis',
    aliases: ['servicevertrag bis', 'wartungsvertrag bis', 'service contract until', 'service contract end'],
  },
  {
    key: 'serviceContract',
    label: 'Servicevertrag (ja/nein)',
    aliases: ['servicevertrag', 'wartungsvertrag', 'service contract'],
  },
  {
    key: 'financingType',
    label: 'Finanzierungsart',
    aliases: ['finanzierungsart', 'finanzierung', 'leasing finanzierung', 'financing type', 'financing'],
  },
  {
    key: 'financingBank',
    label: 'Bank',
    aliases: ['bank', 'leasinggeber', 'finanzierungsbank', 'leasing bank', 'lender'],
  },
  {
    key: 'financingEnd',
    label: 'Vertragsende Finanzierung/Leasing',
    aliases: ['finanzierungsende', 'leasingende', 'vertragsende', 'laufzeitende', 'financing end', 'leasing end'],
  },
];

const VEHICLE_ONLY_FIELDS: FieldDef[] = [
  {
    key: 'vehicleRef',
    label: 'Fahrzeugnummer (Altsystem)',
    aliases: ['fahrzeugnummer', 'fahrzeug nr', 'fzg nr', 'vehicle id', 'vehicle number', 'id'],
  },
  {
    key: 'ownerRef',
    label: 'Kundennummer des Halters',
    required: true,
    aliases: ['kundennummer', 'kundennr', 'kd nr', 'kdnr', 'halter', 'customer number', 'customer id', 'owner'],
  },
  { key: 'vehicleNotes', label: 'Notizen', aliases: ['notiz', 'notizen', 'bemerkung', 'bemerkungen', 'notes', 'note'] },
  {
    key: 'location',
    label: 'Standort (Kürzel oder Name)',
    aliases: ['standort', 'filiale', 'betrieb', 'location', 'branch'],
  },
];

/**
 * A bank's end-of-contract list (Vertragsende-Liste), as the captive and house banks export it:
 * one contract per row, the vehicle named by VIN and plate.
 */
const BANK_CONTRACT_FIELDS: FieldDef[] = [
  {
    key: 'contractNumber',
    label: 'Vertragsnummer',
    aliases: [
      'vertragsnummer',
      'vertragsnr',
      'vertrag nr',
      'vertrags nr',
      'vertrag',
      'leasingvertragsnummer',
      'finanzierungsvertragsnummer',
      'darlehensnummer',
      'kreditnummer',
      'contract number',
      'contract no',
      'agreement number',
    ],
  },
  // Banks abbreviate more ("Fahrgestell-Nr.", "amtl. Kennzeichen").
  { key: 'vin', label: 'FIN', aliases: [...VIN_ALIASES, 'fahrgestell nr', 'fahrzeug ident nr'] },
  { key: 'plate', label: 'Kennzeichen', aliases: [...PLATE_ALIASES, 'amtl kennzeichen', 'pol kennzeichen'] },
  {
    key: 'customerName',
    label: 'Kunde (nur zur Kontrolle)',
    aliases: [
      'kunde',
      'kundenname',
      'name',
      'name kunde',
      'vertragspartner',
      'darlehensnehmer',
      'leasingnehmer',
      'kreditnehmer',
      'customer',
      'customer name',
    ],
  },
  {
    key: 'contractType',
    label: 'Vertragsart',
    aliases: [
      'vertragsart',
      'vertragstyp',
      'produkt',
      'produktart',
      'finanzierungsart',
      'art',
      'contract type',
      'product',
    ],
  },
  {
    key: 'contractEnd',
    label: 'Vertragsende',
    required: true,
    aliases: [
      'vertragsende',
      'laufzeitende',
      'laufzeit bis',
      'vertragsablauf',
      'ablaufdatum',
      'ende',
      'enddatum',
      'finanzierungsende',
      'leasingende',
      'contract end',
      'end date',
      'maturity date',
    ],
  },
  {
    key: 'residualAmount',
    label: 'Restwert/Schlussrate (€)',
    aliases: [
      'restwert',
      'schlussrate',
      'ballonrate',
      'restrate',
      'kalkulierter restwert',
      'restwert schlussrate',
      'residual value',
      'balloon payment',
      'final payment',
    ],
  },
  {
    key: 'bank',
    label: 'Bank',
    aliases: ['bank', 'finanzierungsbank', 'leasinggeber', 'kreditgeber', 'institut', 'lender'],
  },
];

/** The fields a column can be mapped to. A contacts file may carry one vehicle per row (DMS exports do). */
export function fieldsOf(target: ImportTarget): FieldDef[] {
  if (target === 'bank_contracts') return BANK_CONTRACT_FIELDS;
  return target === 'contacts' ? [...CONTACT_FIELDS, ...VEHICLE_FIELDS] : [...VEHICLE_ONLY_FIELDS, ...VEHICLE_FIELDS];
}

/** Fields a column may map to more than once ("Mobil", "Mobil 2"). */
export const REPEATABLE_FIELDS = new Set(['phoneMobile', 'phoneLandline', 'phoneWork', 'fax', 'email', 'emailWork']);

const fold = (header: string) => normalizeName(header.replace(/[.:_/\\-]+/g, ' '));

/** Guesses each column's field from its header; columns it cannot place stay unmapped. */
export function suggestMapping(target: ImportTarget, headers: string[]): ImportMapping {
  const fields = fieldsOf(target);
  const byAlias = new Map<string, string>();
  for (const f of fields) for (const alias of f.aliases) if (!byAlias.has(fold(alias))) byAlias.set(fold(alias), f.key);
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const folded = fold(header);
    // "Mobil 2", "E-Mail (2)" are further values of a repeatable field.
    const base = folded.replace(/\s*\d+$/, '');
    // "Restwert (EUR)", "Schlussrate in €": the currency is not part of the name.
    const amount = folded.replace(/(\s+(in|eur|euro))+$/, '');
    const key = byAlias.get(folded) ?? byAlias.get(base) ?? byAlias.get(amount);
    if (!key || (taken.has(key) && !REPEATABLE_FIELDS.has(key))) continue;
    mapping[header] = key;
    taken.add(key);
  }
  return mapping;
}
