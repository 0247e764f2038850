import { describe, expect, it } from 'vitest';
import { ROLES } from '../org/enums';
import { type Action, can, POLICIES, rolesFor } from './policies';

/** Who may do what, written out: a change to the table must change this on purpose. */
const EXPECTED: Record<Action, string> = {
  'lifecycle.manage': 'admin manager',
  'lifecycle.printLetters': 'admin manager reception',
  'org.locations.manage': 'admin',
  'org.users.manage': 'admin',
  'org.users.read': 'admin manager',
  'org.duty.manage': 'admin manager',
  'documents.letterheads.read': 'admin manager',
  'documents.letterheads.manage': 'admin',
  'auth.apiKeys.manage': 'admin',
  'contacts.edit': 'admin manager sales service reception',
  'contacts.manage': 'admin manager',
  'contacts.import': 'admin manager',
  'vehicles.edit': 'admin manager sales service reception',
  'requests.create': 'admin manager sales service reception parts',
  'requests.takeOverSubmitted': 'admin manager sales service reception',
  'requests.manage': 'admin manager',
  'requests.typeSettings.manage': 'admin',
  'assignment.rules.read': 'admin manager sales service reception parts',
  'assignment.rules.edit': 'admin manager',
  'administration.open': 'admin manager',
  'templates.edit': 'admin manager',
  'campaigns.manage': 'admin manager',
  'reports.staffHome': 'admin manager sales service reception parts',
  'reports.read': 'admin manager',
  'telephony.setup.read': 'admin manager',
  'telephony.setup.manage': 'admin',
  'mailboxes.read': 'admin manager',
  'mailboxes.manage': 'admin',
  'surveys.answer': 'admin manager sales service reception',
  'surveys.questionnaire.manage': 'admin manager',
  'phonebook.status.read': 'admin manager',
  'phonebook.manage': 'admin',
  'activities.plan': 'admin manager sales service reception',
  'activities.team': 'admin manager',
  'sales.work': 'admin manager sales',
  'sales.create': 'admin manager sales reception',
  'sales.customerRead': 'admin manager sales service reception parts',
  'sales.testDrives.book': 'admin manager sales',
  'sales.testDrives.schedule': 'admin manager sales reception',
  'sales.demoVehicles.manage': 'admin manager',
  'messages.write': 'admin manager sales service reception',
  'messages.manage': 'admin manager',
  'complaints.work': 'admin manager sales service reception parts',
};

describe('policies', () => {
  it('give each action to the roles it has always had', () => {
    expect(Object.keys(POLICIES).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [action, roles] of Object.entries(EXPECTED)) {
      expect(rolesFor(action as Action).join(' '), action).toBe(roles);
    }
  });

  it('answer can() from the same table', () => {
    for (const action of Object.keys(POLICIES) as Action[]) {
      for (const role of ROLES) expect(can(role, action)).toBe(rolesFor(action).includes(role));
    }
    expect(can('parts', 'contacts.edit')).toBe(false);
    expect(can('reception', 'contacts.edit')).toBe(true);
    expect(can('manager', 'telephony.setup.manage')).toBe(false);
  });

  it('never leave an action to nobody, and always let admins do it', () => {
    for (const action of Object.keys(POLICIES) as Action[]) expect(can('admin', action), action).toBe(true);
  });
});
