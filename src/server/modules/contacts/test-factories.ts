import type { ContactInput } from '@shared/contacts/schemas';

let counter = 0;

/** A person unlike every other one made here, so no duplicate warning gets in the way unless a test wants it. */
export function personInput(homeLocationId: string, overrides: Partial<ContactInput> = {}): ContactInput {
  const n = ++counter;
  return {
    kind: 'person',
    salutation: 'mr',
    firstName: `Vorname${n}`,
    lastName: `Nachname${String.fromCharCode(97 + (n % 26))}${n}x${n * 7919}`,
    homeLocationId,
    phones: [{ kind: 'mobile', number: `0171 ${String(2000000 + n * 37).padStart(7, '0')}` }],
    emails: [{ kind: 'private', address: `kunde${n}.${Date.now()}@example.test` }],
    addresses: [
      { kind: 'home', street: `Teststraße ${n}`, postalCode: String(10000 + (n % 89999)), city: 'Stuttgart' },
    ],
    ignoreDuplicates: true,
    ...overrides,
  };
}
