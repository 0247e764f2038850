import type { AdfProvider, AdfVendor } from '@shared/intake/adf.js';
import { child, childText, childrenNamed, textOf, type AdfNode } from './nodes.js';
import { isEmail } from './normalise/values.js';

/**
 * <vendor> (the dealer the lead is for) and <provider> (the portal or service that sent it).
 * Their contact details may stand directly in the element or in its <contact>; both are read.
 */

export function readVendor(node: AdfNode | null): AdfVendor | null {
  if (!node) return null;
  const contact = child(node, 'contact');
  return {
    id: childText(node, 'id'),
    name: childText(node, 'vendorname') ?? childText(node, 'name'),
    contactName: contactName(contact),
    email: firstEmail(contact) ?? firstEmail(node),
    phone: childText(contact, 'phone') ?? childText(node, 'phone'),
  };
}

export function readProvider(node: AdfNode | null): AdfProvider | null {
  if (!node) return null;
  const contact = child(node, 'contact');
  return {
    id: childText(node, 'id'),
    name: childText(node, 'name') ?? childText(node, 'providername'),
    service: childText(node, 'service'),
    url: childText(node, 'url'),
    email: firstEmail(node) ?? firstEmail(contact),
    phone: childText(node, 'phone') ?? childText(contact, 'phone'),
  };
}

/** "Hans Berger" from <name part="full">, or from first and last parts in that order. */
function contactName(contact: AdfNode | null): string | null {
  const names = childrenNamed(contact, 'name');
  const by = (part: string) => names.find((n) => (n.attrs.part ?? 'full').toLowerCase() === part);
  const full = textOf(by('full'));
  if (full) return full;
  const joined = [textOf(by('first')), textOf(by('last') ?? by('surname'))].filter(Boolean).join(' ');
  return joined || textOf(names[0]);
}

function firstEmail(node: AdfNode | null): string | null {
  const text = childText(node, 'email')?.replace(/^mailto:/i, '') ?? null;
  return text && isEmail(text) ? text : null;
}
