// The public face of lifecycle: the customer's phase and the rules that act by themselves after delivery.
export { createLifecycleService, type LifecycleService, NIGHTLY_SCHEDULE } from './service';
export { phaseSql, monthOfOwnershipSql } from './phase-sql';
export { type LifecyclePorts, MAX_SEND_ATTEMPTS } from './sending';
