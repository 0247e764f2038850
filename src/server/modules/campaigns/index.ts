// The public face of campaigns: selections with a live count, letters, e-mails and call lists, and their results.
export { type CampaignsService, createCampaignsService } from './service';
export { type CampaignSenders } from './senders';
export { markBounced } from './responses';
