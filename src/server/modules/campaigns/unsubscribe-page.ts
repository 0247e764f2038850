import type { UnsubscribeOutcome } from './responses';

/*
 * The page behind a campaign mail's unsubscribe link, for customers without a login: German
 * first, English below, no script. Its first view asks; only the button's POST unsubscribes.
 */

const TEXT: Record<UnsubscribeOutcome | 'confirm', { de: string; en: string }> = {
  confirm: {
    de: 'Möchten Sie keine Werbe-E-Mails mehr von uns erhalten?',
    en: 'Would you like to stop receiving marketing e-mails from us?',
  },
  unsubscribed: {
    de: 'Sie sind abgemeldet. Sie erhalten keine Werbe-E-Mails mehr von uns.',
    en: 'You are unsubscribed. You will receive no more marketing e-mails from us.',
  },
  already: {
    de: 'Sie sind bereits abgemeldet. Es ist nichts weiter zu tun.',
    en: 'You are already unsubscribed. There is nothing more to do.',
  },
  unknown: {
    de: 'Dieser Abmeldelink ist unbekannt. Bitte antworten Sie auf unsere E-Mail, wir melden Sie ab.',
    en: 'This unsubscribe link is unknown. Please reply to our e-mail and we will unsubscribe you.',
  },
};

export function unsubscribePage(outcome: UnsubscribeOutcome, confirm: boolean): string {
  const text = TEXT[confirm ? 'confirm' : outcome];
  const form = confirm ? `<form method="post"><button type="submit">Abmelden / Unsubscribe</button></form>` : '';
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Abmelden</title>
<style>body{font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem}.en{color:#5f6368}</style></head>
<body><h1>E-Mail-Abmeldung</h1><p>${text.de}</p><p class="en" lang="en">${text.en}</p>${form}</body></html>`;
}
