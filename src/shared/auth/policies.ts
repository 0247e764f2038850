import { ROLES, type Role } from '../org/enums';

/*
 * Who may do what, by role: the one table the server's route declarations and
 * services and the web app's menus, tabs and buttons all read, so the app
 * never offers what the server refuses. Where an action also depends on the
 * location (a manager acts at their own locations, an admin everywhere) the
 * service checks that on top.
 */

const ADMINS = ['admin'] as const satisfies readonly Role[];
const MANAGERS = ['admin', 'manager'] as const satisfies readonly Role[];
/** Everyone who works with customers; parts staff read only. */
const EDITORS = ['admin', 'manager', 'sales', 'service', 'reception'] as const satisfies readonly Role[];
const EVERYONE = ROLES;

export const POLICIES = {
  /** Lifecycle rules and "Jetzt ausführen" (managers: their locations' rules; group-wide rules: admins). */
  'lifecycle.manage': MANAGERS,
  /** Print the lifecycle letters waiting at a location ("Briefe drucken"): its managers and reception. */
  'lifecycle.printLetters': ['admin', 'manager', 'reception'],
  /** Create and change locations. */
  'org.locations.manage': ADMINS,
  /** Create users, change their role, locations and password. */
  'org.users.manage': ADMINS,
  /** Read the user list with roles and contact details (managers: of their locations). */
  'org.users.read': MANAGERS,
  /** Whether a location uses check-in, and its daily checks (managers: at their locations). */
  'org.duty.manage': MANAGERS,
  /** Read a location's letterhead (Briefkopf) and preview it (managers: of their locations). */
  'documents.letterheads.read': MANAGERS,
  /** Set a location's letterhead and logo. */
  'documents.letterheads.manage': ADMINS,
  /** Issue and revoke API keys. */
  'auth.apiKeys.manage': ADMINS,

  /** Create and change contacts, their consents, and check for duplicates. */
  'contacts.edit': EDITORS,
  /** Merge and block contacts. */
  'contacts.manage': MANAGERS,
  /** Import contacts and vehicles, export them in bulk. */
  'contacts.import': MANAGERS,
  /** Create and change vehicles and who they belong to. */
  'vehicles.edit': EDITORS,

  /** Take a request in by hand (counter, phone, e-mail). */
  'requests.create': EVERYONE,
  /** Turn a request a customer submitted online into a contact and take it over. */
  'requests.takeOverSubmitted': EDITORS,
  /** See the requests of every location and reassign many at once. */
  'requests.manage': MANAGERS,
  /** Change the first-contact deadlines per request type. */
  'requests.typeSettings.manage': ADMINS,

  /** See by which rules requests are assigned (staff: the rules of their locations). */
  'assignment.rules.read': EVERYONE,
  /** Change the assignment rules, and see all of them. */
  'assignment.rules.edit': MANAGERS,
  /** The administration's lead-management tabs (absences, templates, telephony, deadlines) and its menu entry. */
  'administration.open': MANAGERS,
  /** Change the message templates. */
  'templates.edit': MANAGERS,
  /** Marketing campaigns: selections, letters, mails and call lists, and their results (managers: their locations). */
  'campaigns.manage': MANAGERS,

  /** The staff member's home page. */
  'reports.staffHome': EVERYONE,
  /** Monitoring, trends and the manager's home page. */
  'reports.read': MANAGERS,

  /** Look at the telephony set-up (managers: of their locations). */
  'telephony.setup.read': MANAGERS,
  /** Change connections, extensions and tracking numbers. */
  'telephony.setup.manage': ADMINS,
  /** See the mailboxes read into requests and their state (managers: of their locations; never the password). */
  'mailboxes.read': MANAGERS,
  /** Set up mailboxes, test them, fetch now. */
  'mailboxes.manage': ADMINS,
  /** Plan, move, complete and cancel activities (their own and, at their locations, colleagues'). */
  'activities.plan': EDITORS,
  /** The team calendar of a location and colleagues' calendars; the follow-up intervals. */
  'activities.team': MANAGERS,

  /** Work with opportunities: the pipeline board, lists, stage changes (consultants: their own and deputised). */
  'sales.work': ['admin', 'manager', 'sales'],
  /** Open an opportunity: sales, and reception from a walk-in. */
  'sales.create': ['admin', 'manager', 'sales', 'reception'],
  /** A customer's open opportunities and current offer on the record and the walk-in panel (R0.7). */
  'sales.customerRead': EVERYONE,
  /** Book, move and cancel test drives; licence, out and back (sales and managers of the location). */
  'sales.testDrives.book': ['admin', 'manager', 'sales'],
  /** The demo cars' availability per location (reception answers "is the ID.4 free?"). */
  'sales.testDrives.schedule': ['admin', 'manager', 'sales', 'reception'],
  /** Add and change demo cars and their blocked times (Administration → Vorführwagen). */
  'sales.demoVehicles.manage': MANAGERS,
  /** Write internal customer messages (documentation; parts staff read only). */
  'messages.write': EDITORS,
  /** A location's message list, confirming unblocks by policy, and the location's block policy. */
  'messages.manage': MANAGERS,

  /** Take a satisfaction survey down on the phone, send it by e-mail, read a customer's answers. */
  'surveys.answer': EDITORS,
  /** Change the satisfaction questionnaire (Administration → Zufriedenheitsbefragung). */
  'surveys.questionnaire.manage': MANAGERS,
  /** Work on complaints: open, qualify, remedy, pass on, close; the complaints list (parts staff too: parts complaints). */
  'complaints.work': ['admin', 'manager', 'sales', 'service', 'reception', 'parts'],

  /** Look at the phone book exports' state. */
  'phonebook.status.read': MANAGERS,
  /** Regenerate the phone book exports, change their settings, download them. */
  'phonebook.manage': ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICIES;

/** The roles that may do an action, for declarations that list roles (routes, route guards). */
export const rolesFor = (action: Action): readonly Role[] => POLICIES[action];

/** Whether a role may do an action. */
export const can = (role: Role, action: Action): boolean => rolesFor(action).includes(role);
