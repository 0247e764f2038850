// The public face of telephony. Adapters in src/server/integrations speak to it
// through the ports and the connection functions here, never its tables.
export type * from './ports';
export { createTelephonyService, type TelephonyService } from './service';
export { createTelephonyAdminService, type TelephonyAdminService } from './admin/service';
export { type AdapterFactory, registerAdapterFactory } from './registry';
export {
  type ConnectionRow,
  extensionsOfConnection,
  findConnection,
  insertConnection,
  insertExtensions,
  insertTrackingNumbers,
  recordLinkState,
} from './repo';
export { type CallRef, callRefs } from './read-model';
