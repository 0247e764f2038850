import type { DepartmentKind } from '@shared/org/enums';
import type { Priority, RequestChannel, RequestType } from '@shared/requests/enums';
import { REQUEST_CHANNELS, REQUEST_TYPES } from '@shared/requests/enums';
import i18next from '@web/i18n';
import { isHalfFilled } from '@web/ui/date-fields';
import { callbackWindow, type CallbackWindow } from './callback-windows';

export interface PickedCustomer {
  contactId: string;
  displayName: string;
  blocked: boolean;
}

export interface IntakeValues {
  type: RequestType;
  channel: RequestChannel;
  /** The department the customer asked for ('' = none); only callbacks, inquiries and complaints name one. */
  department: DepartmentKind | '';
  /** Set when an existing customer was picked; otherwise `newCustomer` holds the data. */
  contactId: string;
  newCustomer: boolean;
  customer: { firstName: string; lastName: string; phone: string; email: string };
  subject: string;
  message: string;
  callbackWindow: CallbackWindow;
  callbackCustom: { from: string; to: string };
  priority: Priority;
  locationId: string;
  vehicleId: string | null;
  /** Who comes to the desk for a walk-in; '' lets the assignment rule pick whoever is free now. */
  assigneeId: string;
}

/** Types whose fallback follows the department they name; the others belong to one already. */
export const NAMES_DEPARTMENT: ReadonlySet<RequestType> = new Set(['callback', 'general', 'complaint']);

export const defaultSubject = (type: RequestType) => i18next.t(`requests.defaultSubject.${type}`);

const pickEnum = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Start values from the address: ?type=, ?channel= (the phone pop-up and the walk-in button use them).
 * A customer at the counter mostly wants to talk to a consultant about a car: a sales inquiry,
 * which goes to sales, not a general inquiry that waits for the manager.
 */
export function initialValues(params: URLSearchParams, homeLocationId: string): IntakeValues {
  const channel = pickEnum(REQUEST_CHANNELS, params.get('channel'), 'phone');
  const type = pickEnum(REQUEST_TYPES, params.get('type'), channel === 'walk_in' ? 'sales_lead' : 'callback');
  return {
    type,
    channel,
    department: '',
    contactId: params.get('contactId') ?? '',
    newCustomer: false,
    customer: { firstName: '', lastName: '', phone: '', email: '' },
    subject: defaultSubject(type),
    message: '',
    callbackWindow: 'none',
    callbackCustom: { from: '', to: '' },
    priority: 'normal',
    locationId: homeLocationId,
    vehicleId: null,
    assigneeId: '',
  };
}

/** The form's values in the shape of RequestCreate. */
export function toBody(values: IntakeValues, now = new Date()) {
  // A walk-in stands at the desk: a window chosen before the channel was switched is not sent.
  const window =
    values.channel === 'walk_in'
      ? { callbackFrom: null, callbackTo: null }
      : callbackWindow(values.callbackWindow, now, values.callbackCustom);
  const { customer } = values;
  return {
    type: values.type,
    channel: values.channel,
    department: NAMES_DEPARTMENT.has(values.type) && values.department ? values.department : null,
    locationId: values.locationId,
    subject: values.subject.trim(),
    message: values.message.trim() || null,
    priority: values.priority,
    vehicleId: values.contactId ? values.vehicleId : null,
    ...(values.channel === 'walk_in' && values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    ...window,
    ...(values.newCustomer
      ? {
          contactId: null,
          customer: {
            firstName: customer.firstName.trim() || null,
            lastName: customer.lastName.trim() || null,
            phone: customer.phone.trim() || null,
            email: customer.email.trim() || null,
          },
        }
      : { contactId: values.contactId || null, customer: null }),
  };
}

/** A new customer needs a name to address and a way to call back. */
export function newCustomerErrors(values: IntakeValues): Record<string, string> {
  if (!values.newCustomer) return values.contactId ? {} : { contactId: i18next.t('requests.intake.pickCustomer') };
  const errors: Record<string, string> = {};
  if (!values.customer.lastName.trim()) errors['customer.lastName'] = i18next.t('validation.required');
  if (!values.customer.phone.trim() && !values.customer.email.trim())
    errors['customer.phone'] = i18next.t('requests.intake.phoneOrEmail');
  return errors;
}

/** A custom window end with only its day or only its time would be sent as no window at all. */
export function customWindowErrors(values: IntakeValues): Record<string, string> {
  if (values.channel === 'walk_in' || values.callbackWindow !== 'custom') return {};
  const errors: Record<string, string> = {};
  if (isHalfFilled(values.callbackCustom.from)) errors['callbackCustom.from'] = i18next.t('validation.dayAndTime');
  if (isHalfFilled(values.callbackCustom.to)) errors['callbackCustom.to'] = i18next.t('validation.dayAndTime');
  return errors;
}
