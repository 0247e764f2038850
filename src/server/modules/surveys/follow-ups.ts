import type { DepartmentKind } from '@shared/org/enums';
import type { RequestType } from '@shared/requests/enums';
import type { AddOn, Question } from '@shared/surveys/schemas';
import { TEXT_MAX } from '@shared/text/limits';
import type { DbOrTx } from '@server/db/client';
import type { Actor } from '@server/http/access';
import type { RequestsService } from '@server/modules/requests';
import type { CheckedAnswers } from './answers';
import { quoteAnswers } from './answers';

/** Which department an add-on interest goes to: accessories and tyres are sold by parts, packages by service. */
export const ADD_ON_REQUEST: Record<AddOn, { type: RequestType; department: DepartmentKind; subject: string }> = {
  accessories: { type: 'parts', department: 'parts', subject: 'Interesse an Zubehör' },
  tyres: { type: 'parts', department: 'parts', subject: 'Interesse an Reifen' },
  service_package: { type: 'service_appointment', department: 'service', subject: 'Interesse an einem Servicepaket' },
};

export interface FollowUpContext {
  responseId: string;
  channel: 'phone' | 'email';
  locationId: string;
  contactId: string;
  vehicleId: string | null;
  vehicle: string | null;
  questions: Question[];
  checked: CheckedAnswers;
  receivedAt: Date;
}

type Prepared = Awaited<ReturnType<RequestsService['prepareIntake']>>;

/**
 * The requests an answer starts: a complaint for a low score (the answers quoted verbatim), and
 * one request per add-on the customer said yes to. Prepared before the answer's transaction (intake
 * reads first); each carries the answer's id as its external reference, so the requests module's
 * unique key lets an answer make each of them once only.
 */
export async function prepareFollowUps(requests: RequestsService, actor: Actor, c: FollowUpContext) {
  const channel = c.channel === 'email' ? 'web_form' : 'phone';
  const about = c.vehicle ? ` zum Fahrzeug ${c.vehicle}` : '';
  const how = c.channel === 'email' ? 'vom Kunden per Link beantwortet' : 'am Telefon erfasst';
  const quoted = quoteAnswers(c.questions, c.checked.answers);
  const common = {
    channel,
    locationId: c.locationId,
    contactId: c.contactId,
    vehicleId: c.vehicleId,
    externalSource: 'satisfaction_survey',
    receivedAt: c.receivedAt,
  } as const;
  const score = c.checked.recommendation ?? c.checked.overall;
  const complaint = c.checked.lowScore
    ? await requests.prepareIntake(actor, {
        ...common,
        type: 'complaint',
        // The call follows a purchase and its delivery (seed 002, step 9): sales management takes what went wrong.
        department: 'sales',
        priority: 'high',
        subject: `Niedrige Bewertung in der Zufriedenheitsbefragung (${score}/10)`.slice(0, TEXT_MAX.subject),
        message: `Zufriedenheitsbefragung${about}, ${how}:\n\n${quoted}`,
        externalId: c.responseId,
      })
    : null;
  const addOns: Prepared[] = [];
  for (const { addOn, question } of c.checked.addOns) {
    const target = ADD_ON_REQUEST[addOn];
    addOns.push(
      await requests.prepareIntake(actor, {
        ...common,
        type: target.type,
        department: target.department,
        subject: `${target.subject}${about}`.slice(0, TEXT_MAX.subject),
        message: `Zufriedenheitsbefragung${about}, ${how}:\n\n${question.text.de}\nJa`,
        externalId: `${c.responseId}:${addOn}`,
      }),
    );
  }
  return { complaint, addOns };
}

export type PreparedFollowUps = Awaited<ReturnType<typeof prepareFollowUps>>;

export async function commitFollowUps(requests: RequestsService, tx: DbOrTx, prepared: PreparedFollowUps) {
  const complaintRequestId = prepared.complaint ? (await requests.commitIntake(tx, prepared.complaint)).row.id : null;
  const addOnRequestIds: string[] = [];
  for (const p of prepared.addOns) addOnRequestIds.push((await requests.commitIntake(tx, p)).row.id);
  return { complaintRequestId, addOnRequestIds };
}
