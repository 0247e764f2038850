import type { Role } from '../../../shared/org/enums';

const EDITORS: readonly Role[] = ['admin', 'manager', 'sales', 'service', 'reception'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];

/** Creating and editing contacts and vehicles; parts staff read only. */
export const canEditCustomers = (role: Role) => EDITORS.includes(role);

/** Blocking, merging, imports and bulk export are for admins and managers. */
export const canManageCustomers = (role: Role) => MANAGERS.includes(role);
