import type { Role } from '@shared/org/enums';
import { can } from '@shared/auth/policies';

/** Creating and editing contacts and vehicles; parts staff read only. */
export const canEditCustomers = (role: Role) => can(role, 'contacts.edit');

/** Blocking, merging, imports and bulk export are for admins and managers. */
export const canManageCustomers = (role: Role) => can(role, 'contacts.manage');
