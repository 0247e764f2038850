// The public face of surveys: the satisfaction questionnaire, asked by phone or by an e-mailed link.
export { createSurveysService, type SurveysDeps, type SurveysService } from './service';

/**
 * Where a satisfaction call opens the questionnaire: the web form for this customer, car and
 * activity. Completing the form completes the activity.
 */
export function surveyLinkForActivity(activity: { id: string; contactId: string; vehicleId?: string | null }): string {
  const query = new URLSearchParams({ contactId: activity.contactId, activityId: activity.id });
  if (activity.vehicleId) query.set('vehicleId', activity.vehicleId);
  return `/surveys/new?${query.toString()}`;
}
export { actorOf } from './actor';
