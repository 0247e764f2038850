export { type CstaAdapter, type CstaAdapterDeps, type CstaAdapterOptions, createCstaAdapter } from './adapter';
export { CstaLinkDownError, CstaRequestError, CstaTimeoutError } from './link';
export { cstaSettingsSchema, readCstaSettings, type CstaSettings } from '@server/integrations/provider-settings/csta';
