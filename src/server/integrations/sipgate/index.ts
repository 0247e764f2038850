export { createSipgateAdapter } from './adapter';
export { sipgateRoutes } from './routes';
export { sipgatePushToken, sipgateWebhookUrl } from '@server/integrations/provider-settings/sipgate';
