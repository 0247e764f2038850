// The public face of campaigns: selections with a live count, letters, e-mails and call lists, and their results.
export { type CampaignsService, createCampaignsService } from './service';
export { type CampaignSenders, unsubscribePath } from './senders';
export { markBounced, unsubscribeTokenIn } from './responses';
export { streamMailMerge } from './letters';
export { type Addressee, addressLines, greetingOf, personalise } from './personalise';
