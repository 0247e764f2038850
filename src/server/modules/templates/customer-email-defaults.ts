import type { CustomerEmailLocale, CustomerEmailTemplateKey } from '@shared/correspondence/schemas';

type OwnKey = Exclude<CustomerEmailTemplateKey, 'failed_calls'>;

const SIGNATURE = {
  de: ['', 'Mit freundlichen Grüßen', '', '{{consultant.name}}', '{{location.name}}', 'Telefon: {{consultant.phone}}'],
  en: ['', 'Kind regards', '', '{{consultant.name}}', '{{location.name}}', 'Phone: {{consultant.phone}}'],
};

const GREETING = { de: 'Guten Tag {{customer.salutation}},', en: 'Dear {{customer.salutation}},' };

const TEXTS: Record<OwnKey, Record<CustomerEmailLocale, { subject: string; lines: string[] }>> = {
  offer_sent: {
    de: {
      subject: 'Ihr Angebot {{offer.number}} – {{location.name}}',
      lines: [
        'vielen Dank für Ihr Interesse und das angenehme Gespräch.',
        'Anbei erhalten Sie Ihr persönliches Angebot {{offer.number}} als PDF.',
        '',
        'Haben Sie Fragen zum Fahrzeug, zur Finanzierung oder zum Leasing? Rufen Sie mich gern an oder antworten Sie einfach auf diese E-Mail.',
      ],
    },
    en: {
      subject: 'Your offer {{offer.number}} – {{location.name}}',
      lines: [
        'thank you for your interest and the pleasant conversation.',
        'Please find your personal offer {{offer.number}} attached as a PDF.',
        '',
        'If you have any questions about the vehicle, financing or leasing, call me or simply reply to this e-mail.',
      ],
    },
  },
  test_drive_confirmation: {
    de: {
      subject: 'Ihre Probefahrt – {{location.name}}',
      lines: [
        'hiermit bestätige ich Ihnen gern Ihre Probefahrt mit dem {{vehicle}}.',
        '',
        'Bitte bringen Sie Ihren gültigen Führerschein mit. Sollte Ihnen etwas dazwischenkommen, geben Sie mir bitte kurz Bescheid.',
      ],
    },
    en: {
      subject: 'Your test drive – {{location.name}}',
      lines: [
        'I am pleased to confirm your test drive with the {{vehicle}}.',
        '',
        'Please bring your valid driving licence. If anything comes up, just let me know.',
      ],
    },
  },
  purchase_order: {
    de: {
      subject: 'Ihre Bestellung – {{location.name}}',
      lines: [
        'herzlichen Glückwunsch zu Ihrem neuen Fahrzeug und vielen Dank für Ihr Vertrauen!',
        'Anbei erhalten Sie Ihre verbindliche Bestellung als PDF.',
        '',
        'Ich melde mich bei Ihnen, sobald der Auslieferungstermin feststeht.',
      ],
    },
    en: {
      subject: 'Your order – {{location.name}}',
      lines: [
        'congratulations on your new vehicle and thank you for your trust!',
        'Please find your binding order attached as a PDF.',
        '',
        'I will get in touch as soon as the delivery date is fixed.',
      ],
    },
  },
  general_reply: {
    de: { subject: 'Ihre Nachricht – {{location.name}}', lines: ['vielen Dank für Ihre Nachricht.', '', ''] },
    en: { subject: 'Your message – {{location.name}}', lines: ['thank you for your message.', '', ''] },
  },
  // Sent by the house, not by a person: signed by the location's team.
  acknowledgement: {
    de: {
      subject: 'Eingangsbestätigung: {{request.subject}}',
      lines: [
        'vielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen unter der Vorgangsnummer {{request.number}} aufgenommen.',
        '',
        'Wir melden uns bis spätestens {{request.deadline}}.',
        '',
        'Wenn Sie uns noch etwas mitteilen möchten, antworten Sie einfach auf diese E-Mail.',
        '',
        'Mit freundlichen Grüßen',
        '',
        'Ihr Team von {{location.name}}',
        'Telefon: {{location.phone}}',
      ],
    },
    en: {
      subject: 'We have received your message: {{request.subject}}',
      lines: [
        'thank you for your message. We have recorded your request under the number {{request.number}}.',
        '',
        'We will get back to you by {{request.deadline}} at the latest.',
        '',
        'If there is anything you would like to add, simply reply to this e-mail.',
        '',
        'Kind regards',
        '',
        'Your team at {{location.name}}',
        'Phone: {{location.phone}}',
      ],
    },
  },
};

/** Mails the house sends on its own carry their signature in their lines. */
const SIGNED_BY_THE_HOUSE = new Set<OwnKey>(['acknowledgement']);

/** The built-in text of a customer e-mail; used until a manager saves their own. */
export function defaultCustomerEmail(key: OwnKey, locale: CustomerEmailLocale): { subject: string; body: string } {
  const text = TEXTS[key][locale];
  const signature = SIGNED_BY_THE_HOUSE.has(key) ? [] : SIGNATURE[locale];
  return { subject: text.subject, body: [GREETING[locale], '', ...text.lines, ...signature].join('\n') };
}

export const OWN_CUSTOMER_EMAIL_KEYS = Object.keys(TEXTS) as OwnKey[];
