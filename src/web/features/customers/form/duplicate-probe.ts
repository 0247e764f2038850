import type { prepareContact } from './values';

type Body = ReturnType<typeof prepareContact>['body'];

/** What the duplicate check needs from the form, or null when there is nothing to compare yet. */
export function duplicateProbe(body: Body, excludeId?: string) {
  const probe = {
    kind: body.kind,
    firstName: body.firstName || null,
    lastName: body.lastName || null,
    companyName: body.companyName || null,
    phones: body.phones.map((phone) => ({ number: phone.number })),
    emails: body.emails.map((email) => ({ address: email.address })),
    addresses: body.addresses
      .filter((address) => address.street.trim() && address.postalCode.trim())
      .map(({ street, postalCode, city }) => ({ street, postalCode, city })),
    ...(excludeId ? { excludeId } : {}),
  };
  const hasIdentity = Boolean(probe.lastName || probe.companyName || probe.phones.length || probe.emails.length);
  return hasIdentity ? probe : null;
}
