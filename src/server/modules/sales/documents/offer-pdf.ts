import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import { formatEuro, formatGermanDate, formatKm, formatPercent } from '@shared/sales/format';
import { facts, Letter } from '@server/modules/documents';
import { greeting, type Parties, recipientLines } from './parties';
import { priceTable, vehicleName } from './price-table';

export interface OfferDocument {
  opportunityNumber: string;
  version: number;
  date: Date;
  validUntil: string;
  consultant: string;
  content: OfferContent;
  figures: OfferFigures;
}

const INSURANCE_TYPE: Record<string, string> = {
  liability: 'Kfz-Haftpflicht',
  partial: 'Haftpflicht und Teilkasko',
  comprehensive: 'Haftpflicht und Vollkasko',
};

/** The offer (Angebot) on the location's letterhead. */
export async function renderOffer(parties: Parties, offer: OfferDocument): Promise<Buffer> {
  const { customer, letterhead } = parties;
  const { content, figures } = offer;
  const number = `${offer.opportunityNumber}/${offer.version}`;
  const letter = new Letter({
    letterhead,
    title: `Angebot Nr. ${number}`,
    fileTitle: `Angebot ${number}`,
    date: offer.date,
    recipient: recipientLines(customer),
    info: [
      ['Kundennummer', customer.customerNumber],
      ['Angebotsnummer', number],
      ['Ihr Ansprechpartner', offer.consultant],
      ['Gültig bis', formatGermanDate(offer.validUntil)],
    ],
  });
  letter.paragraph(greeting(customer));
  letter.paragraph(
    `vielen Dank für Ihr Interesse. Gern unterbreiten wir Ihnen folgendes Angebot für den ${vehicleName(content.vehicle)}:`,
  );
  priceTable(letter, content, figures);

  if (figures.loan) {
    const loan = figures.loan;
    const bank = content.financing?.bank;
    letter.heading(`Finanzierung${bank ? ` über ${bank}` : ''}`);
    const rates = loan.balloonCents > 0 ? loan.termMonths - 1 : loan.termMonths;
    facts(
      letter,
      [
        ['Barzahlungspreis', formatEuro(figures.payableCents)],
        ['Anzahlung', formatEuro(loan.downPaymentCents)],
        ['Nettodarlehensbetrag', formatEuro(loan.financedCents)],
        ['Laufzeit', `${loan.termMonths} Monate`],
        ['Gebundener Sollzinssatz p. a.', formatPercent(loan.nominalRateBasisPoints)],
        ['Effektiver Jahreszins', formatPercent(loan.effectiveRateBasisPoints)],
        [`${rates} monatliche Raten à`, formatEuro(loan.monthlyRateCents)],
        ...(loan.balloonCents > 0 ? [['Schlussrate', formatEuro(loan.balloonCents)] as [string, string]] : []),
        ['Zinsen gesamt', formatEuro(loan.totalInterestCents)],
        ['Gesamtbetrag (Anzahlung, Raten und Schlussrate)', formatEuro(loan.totalCostCents)],
      ],
      { alignValues: 'right' },
    );
    letter.paragraph(
      `Diese Angaben stellen zugleich das repräsentative Beispiel gemäß § 17 Abs. 4 PAngV dar: ` +
        `Nettodarlehensbetrag ${formatEuro(loan.financedCents)}, gebundener Sollzinssatz ${formatPercent(loan.nominalRateBasisPoints)} p. a., ` +
        `effektiver Jahreszins ${formatPercent(loan.effectiveRateBasisPoints)}, Laufzeit ${loan.termMonths} Monate, ` +
        `Gesamtbetrag ${formatEuro(loan.totalCostCents)}. ` +
        `${bank ? `Ein Angebot der ${bank}. ` : ''}Bonität vorausgesetzt; die Kreditentscheidung trifft die Bank.`,
      { size: 8, color: '#5f6368' },
    );
  }

  if (figures.leasing) {
    const leasing = figures.leasing;
    const lessor = content.leasing?.lessor;
    letter.heading(`Leasing${lessor ? ` über ${lessor}` : ''}`);
    facts(
      letter,
      [
        ['Laufzeit', `${leasing.termMonths} Monate`],
        ['Fahrleistung pro Jahr', formatKm(leasing.mileagePerYearKm)],
        ['Leasingsonderzahlung', formatEuro(leasing.downPaymentCents)],
        ['Monatliche Leasingrate', formatEuro(leasing.monthlyRateCents)],
        ['Gesamtbetrag (Sonderzahlung und Raten)', formatEuro(leasing.totalCostCents)],
      ],
      { alignValues: 'right' },
    );
    letter.paragraph(
      'Mehr- und Minderkilometer werden nach den Bedingungen des Leasinggebers abgerechnet. Bonität vorausgesetzt.',
      { size: 8, color: '#5f6368' },
    );
  }

  if (content.insurance) {
    const insurance = content.insurance;
    letter.heading('Versicherung');
    facts(
      letter,
      [
        ['Versicherer', insurance.insurer],
        ['Umfang', INSURANCE_TYPE[insurance.type] ?? insurance.type],
        ['Jahresbeitrag', formatEuro(figures.insurance?.annualPremiumCents ?? insurance.annualPremiumCents)],
      ],
      { alignValues: 'right' },
    );
    letter.paragraph('Der Versicherungsschutz richtet sich nach den Bedingungen des Versicherers.', {
      size: 8,
      color: '#5f6368',
    });
  }

  if (content.remarks) {
    letter.heading('Anmerkungen');
    letter.paragraph(content.remarks);
  }

  letter.heading('Gültigkeit');
  letter.paragraph(
    `Dieses Angebot ist freibleibend und gültig bis zum ${formatGermanDate(offer.validUntil)}. ` +
      'Es gelten unsere Allgemeinen Verkaufsbedingungen. Liefertermine und Ausstattung vorbehaltlich der Verfügbarkeit beim Hersteller.',
  );
  letter.paragraph('Wir freuen uns auf Ihre Rückmeldung.');
  letter.paragraph(`Mit freundlichen Grüßen\n\n${offer.consultant}\n${letterhead.companyName}`);
  return letter.finish();
}
