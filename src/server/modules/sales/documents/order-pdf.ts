import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import { formatEuro, formatGermanDate, formatPercent } from '@shared/sales/format';
import { facts, Letter } from '@server/modules/documents';
import { type Parties, personName, recipientLines } from './parties';
import { priceTable, vehicleDetails, vehicleName } from './price-table';

export interface OrderDocument {
  number: string;
  orderedAt: Date;
  consultant: string;
  offer: { number: string; date: Date; content: OfferContent; figures: OfferFigures };
  /** The delivery appointment, when one is planned. */
  deliveryAt: Date | null;
}

/** The binding purchase order (verbindliche Bestellung) the customer signs. */
export async function renderPurchaseOrder(parties: Parties, order: OrderDocument): Promise<Buffer> {
  const { customer, letterhead } = parties;
  const { content, figures } = order.offer;
  const letter = new Letter({
    letterhead,
    title: `Verbindliche Bestellung Nr. ${order.number}`,
    fileTitle: `Verbindliche Bestellung ${order.number}`,
    date: order.orderedAt,
    recipient: recipientLines(customer),
    info: [
      ['Kundennummer', customer.customerNumber],
      ['Bestellnummer', order.number],
      ['Angebot', order.offer.number],
      ['Angebot vom', formatGermanDate(order.offer.date)],
      ['Ihr Ansprechpartner', order.consultant],
    ],
  });

  letter.heading('Vertragsparteien');
  facts(letter, [
    ['Verkäufer', `${letterhead.companyName}, ${letterhead.street}, ${letterhead.postalCode} ${letterhead.city}`],
    [
      'Käufer',
      [
        personName(customer),
        customer.address && `${customer.address.street}, ${customer.address.postalCode} ${customer.address.city}`,
      ]
        .filter(Boolean)
        .join(', '),
    ],
  ]);

  letter.heading('Kaufgegenstand');
  const details = vehicleDetails(content.vehicle);
  facts(letter, [
    ['Fahrzeug', vehicleName(content.vehicle)],
    ...(details ? [['Angaben', details] as [string, string]] : []),
  ]);

  letter.heading('Kaufpreis');
  priceTable(letter, content, figures);
  if (content.tradeIn) {
    letter.paragraph(
      `Das Inzahlungnahmefahrzeug (${content.tradeIn.make} ${content.tradeIn.model}) wird zum Schätzwert von ` +
        `${formatEuro(figures.tradeInCents)} angerechnet, sofern es bei Übergabe im begutachteten Zustand ist.`,
      { size: 8.5 },
    );
  }

  if (figures.loan) {
    const bank = content.financing?.bank;
    letter.heading('Finanzierung');
    letter.paragraph(
      `Der Käufer beabsichtigt, ${formatEuro(figures.loan.financedCents)} ${bank ? `über die ${bank} ` : ''}zu finanzieren ` +
        `(Laufzeit ${figures.loan.termMonths} Monate, monatliche Rate ${formatEuro(figures.loan.monthlyRateCents)}, ` +
        `effektiver Jahreszins ${formatPercent(figures.loan.effectiveRateBasisPoints)}; gemäß Angebot ${order.offer.number}). ` +
        'Der Darlehensvertrag wird gesondert mit der Bank geschlossen; diese Bestellung gilt vorbehaltlich ihrer Kreditzusage.',
    );
  } else if (figures.leasing) {
    letter.heading('Leasing');
    letter.paragraph(
      `Leasing gemäß Angebot ${order.offer.number}: monatliche Rate ${formatEuro(figures.leasing.monthlyRateCents)}, ` +
        `Laufzeit ${figures.leasing.termMonths} Monate. Der Leasingvertrag wird gesondert geschlossen.`,
    );
  }

  letter.heading('Lieferung');
  facts(letter, [
    ['Geplanter Liefertermin', order.deliveryAt ? formatGermanDate(order.deliveryAt) : 'wird gesondert vereinbart'],
    ['Übergabeort', `${letterhead.companyName}, ${letterhead.street}, ${letterhead.postalCode} ${letterhead.city}`],
  ]);

  if (content.remarks) {
    letter.heading('Vereinbarungen');
    letter.paragraph(content.remarks);
  }

  letter.heading('Bedingungen');
  letter.paragraph(
    'Der Käufer bestellt das oben bezeichnete Fahrzeug verbindlich zu den genannten Preisen. Es gelten die ' +
      'Allgemeinen Geschäftsbedingungen für den Verkauf von Kraftfahrzeugen und Anhängern (Neu- bzw. ' +
      'Gebrauchtwagen-Verkaufsbedingungen) des Verkäufers, die der Käufer erhalten hat und die Bestandteil dieser ' +
      'Bestellung sind. Der Kaufvertrag kommt mit der schriftlichen Bestätigung oder der Auslieferung des Fahrzeugs zustande. ' +
      'Der Kaufpreis ist bei Übergabe fällig.',
    { size: 8.5 },
  );

  letter.signatures([`Käufer: ${personName(customer)}`, `Verkäufer: ${order.consultant}`], `${letterhead.city}, den`);
  return letter.finish();
}
