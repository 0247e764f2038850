import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';
import { lineTypeOf, parsePhone } from '@shared/contacts/normalize.js';
import type { AdfAddress, AdfCustomer, AdfPhone } from '@shared/intake/adf.js';
import type { ReadContext } from './context.js';
import { readNames } from './name-reader.js';
import { attr, child, childText, childrenNamed, multilineText, textOf, type AdfNode } from './nodes.js';
import { berlinDate, parseLeadDate } from './normalise/dates.js';
import { contactTimeOf, countryOf, isTruthy, phoneKindOf } from './normalise/enums.js';
import { isEmail, isPhoneNumber } from './normalise/values.js';

/**
 * Reads <customer>. Tolerance:
 * - of several <contact>s the one with primarycontact="1" (else the first) is taken, the rest noted;
 * - name, e-mail and phone standing directly in <customer> (no <contact>) are read all the same;
 * - several addresses in one <email> separated by "," or ";" are split; "mailto:" is dropped;
 *   invalid addresses and phone numbers are left out and named;
 * - phone type synonyms (cellphone/mobile/handy → mobile; voice/phone/home/work → landline);
 *   without a type, or with a landline type, a number the numbering plan knows as mobile
 *   (German 015x/016x/017x, Austrian 0664 …) is taken as mobile; numbers without country code
 *   are read in the country of the customer's address (default Germany);
 * - postal codes lose a country prefix ("D-10115"); country names become ISO codes.
 */
export function readCustomer(node: AdfNode | null, path: string, ctx: ReadContext): AdfCustomer {
  const contact = pickContact(node, path, ctx);
  const contactPath = `${path}.contact`;
  const names = readNames(contact, `${contactPath}.name`, ctx);
  const address = readAddress(child(contact, 'address') ?? child(node, 'address'));
  return {
    ...names,
    emails: readEmails(contact, `${contactPath}.email`, ctx),
    phones: readPhones(contact, `${contactPath}.phone`, regionOf(address), ctx),
    address,
    comments: multilineText(child(node, 'comments')),
    timeframe: readTimeframe(child(node, 'timeframe'), `${path}.timeframe`, ctx),
  };
}

function pickContact(customer: AdfNode | null, path: string, ctx: ReadContext): AdfNode | null {
  if (!customer) {
    ctx.findings.warn('missing', path, `missing: ${path} (the prospect has no <customer>)`);
    return null;
  }
  const contacts = childrenNamed(customer, 'contact');
  if (contacts.length === 0) {
    const inline = ['name', 'email', 'phone'].some((n) => child(customer, n));
    if (!inline) ctx.findings.warn('missing', `${path}.contact`, `missing: ${path}.contact`);
    return inline ? customer : null;
  }
  const primary = contacts.find((c) => isTruthy(attr(c, 'primarycontact'))) ?? contacts[0]!;
  if (contacts.length > 1) {
    ctx.findings.warn(
      'ignored',
      `${path}.contact`,
      `ignored ${contacts.length - 1} further <contact> in ${path}: only the primary contact is taken`,
    );
  }
  return primary;
}

function readEmails(contact: AdfNode | null, path: string, ctx: ReadContext): string[] {
  const found: { address: string; preferred: boolean }[] = [];
  for (const node of childrenNamed(contact, 'email')) {
    const preferred = isTruthy(attr(node, 'preferredcontact'));
    for (const piece of (textOf(node) ?? '').split(/[,;\s]+/)) {
      const address = piece.replace(/^mailto:/i, '').replace(/^<|>$/g, '');
      if (!address) continue;
      if (!isEmail(address)) ctx.findings.unusable(path, 'e-mail address', address);
      else if (!found.some((f) => f.address.toLowerCase() === address.toLowerCase()))
        found.push({ address, preferred });
    }
  }
  return [...found.filter((f) => f.preferred), ...found.filter((f) => !f.preferred)].map((f) => f.address);
}

/** The country numbers without country code are read in: the address's, when it names one we have a plan for. */
function regionOf(address: AdfAddress | null): CountryCode {
  const country = address?.country;
  return country && isSupportedCountry(country) ? country : 'DE';
}

function readPhones(contact: AdfNode | null, path: string, region: CountryCode, ctx: ReadContext): AdfPhone[] {
  const phones: AdfPhone[] = [];
  for (const node of childrenNamed(contact, 'phone')) {
    const number = textOf(node);
    if (!number) continue;
    if (!isPhoneNumber(number)) {
      ctx.findings.unusable(path, 'phone number', number);
      continue;
    }
    if (phones.some((p) => p.number.replace(/\D/g, '') === number.replace(/\D/g, ''))) continue;
    phones.push({
      number,
      kind: phoneKind(attr(node, 'type'), parsePhone(number, region).e164, number, path, ctx),
      preferredTime: contactTime(attr(node, 'time'), path, ctx),
      preferred: isTruthy(attr(node, 'preferredcontact')),
    });
  }
  return phones.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

function phoneKind(
  type: string | null,
  e164: string | null,
  number: string,
  path: string,
  ctx: ReadContext,
): AdfPhone['kind'] {
  const kind = type ? phoneKindOf(type) : null;
  if (type && !kind) ctx.findings.unusable(path, 'phone type', type, `number ${number} kept as 'other'`);
  if (!type || kind === 'landline') return lineTypeOf(e164) ?? 'landline';
  return kind ?? 'other';
}

function contactTime(time: string | null, path: string, ctx: ReadContext): AdfPhone['preferredTime'] {
  if (!time) return null;
  const value = contactTimeOf(time);
  if (!value) ctx.findings.unusable(path, 'contact time', time);
  return value;
}

function readAddress(node: AdfNode | null): AdfAddress | null {
  if (!node) return null;
  const lines = childrenNamed(node, 'street')
    .map((s, i) => ({ order: Number(attr(s, 'line') ?? i + 1), text: textOf(s) }))
    .sort((a, b) => a.order - b.order)
    .map((l) => l.text);
  const street = [...lines, childText(node, 'apartment')].filter(Boolean).join(', ') || null;
  const postal = childText(node, 'postalcode');
  const country = childText(node, 'country');
  const address: AdfAddress = {
    street,
    postalCode: postal ? postal.replace(/^[A-Z]{1,2}\s*-\s*/i, '') : null,
    city: childText(node, 'city'),
    region: childText(node, 'regioncode'),
    country: country ? countryOf(country) : null,
  };
  return Object.values(address).some(Boolean) ? address : null;
}

function readTimeframe(node: AdfNode | null, path: string, ctx: ReadContext): AdfCustomer['timeframe'] {
  if (!node) return null;
  const day = (name: 'earliestdate' | 'latestdate') => {
    const raw = childText(node, name);
    if (!raw) return null;
    const parsed = parseLeadDate(raw);
    if (!parsed) ctx.findings.unusable(`${path}.${name}`, 'date', raw);
    return parsed ? berlinDate(parsed.date) : null;
  };
  const description = node.children.length ? childText(node, 'description') : textOf(node);
  const timeframe = { description, earliest: day('earliestdate'), latest: day('latestdate') };
  return Object.values(timeframe).some(Boolean) ? timeframe : null;
}
