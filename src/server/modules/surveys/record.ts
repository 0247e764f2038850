import { randomUUID } from 'node:crypto';
import { npsCategoryOf } from '@shared/surveys/schemas';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import type { Actor } from '@server/http/access';
import type { ActivitiesService } from '@server/modules/activities';
import type { RequestsService } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { type CheckedAnswers, quoteAnswers } from './answers';
import { commitFollowUps, prepareFollowUps } from './follow-ups';
import * as repo from './repo';

export interface AnswerToRecord {
  questionnaire: repo.QuestionnaireRow;
  checked: CheckedAnswers;
  channel: 'phone' | 'email';
  contactId: string;
  vehicleId: string | null;
  vehicle: string | null;
  activityId: string | null;
  invitationId: string | null;
  locationId: string;
  consultantId: string | null;
  answeredById: string | null;
  /** Who the follow-up requests are taken in by: the caller, or for a link the colleague who sent it. */
  intakeActor: Actor;
}

/**
 * Stores an answer with everything it starts, in one transaction: the requests (complaint, add-ons),
 * the timeline entry with the answers verbatim, and the satisfaction call it answers, done.
 * `claim` runs first inside the transaction (a link marks itself used); false aborts with nothing written.
 */
export async function recordAnswer(
  { db, clock }: Deps,
  { requests, activities }: { requests: RequestsService; activities: ActivitiesService },
  a: AnswerToRecord,
  claim: (tx: DbOrTx, now: Date) => Promise<void> = async () => {},
): Promise<repo.ResponseRow> {
  const now = clock.now();
  const id = randomUUID();
  const questions = a.questionnaire.questions;
  // Intake reads before the transaction: on PGlite a read beside a running transaction waits for it.
  const followUps = await prepareFollowUps(requests, a.intakeActor, {
    responseId: id,
    channel: a.channel,
    locationId: a.locationId,
    contactId: a.contactId,
    vehicleId: a.vehicleId,
    vehicle: a.vehicle,
    questions,
    checked: a.checked,
    receivedAt: now,
  });
  return db.transaction(async (tx) => {
    await claim(tx, now);
    const { complaintRequestId, addOnRequestIds } = await commitFollowUps(requests, tx, followUps);
    const row = await repo.insertResponse(tx, {
      id,
      questionnaireId: a.questionnaire.id,
      contactId: a.contactId,
      vehicleId: a.vehicleId,
      activityId: a.activityId,
      invitationId: a.invitationId,
      locationId: a.locationId,
      consultantId: a.consultantId,
      channel: a.channel,
      answeredById: a.answeredById,
      answers: a.checked.answers,
      recommendation: a.checked.recommendation,
      overall: a.checked.overall,
      lowScore: a.checked.lowScore,
      complaintRequestId,
      addOnRequestIds,
      createdAt: now,
    });
    await recordTimeline(tx, {
      contactId: a.contactId,
      vehicleId: a.vehicleId,
      kind: 'survey',
      occurredAt: now,
      authorId: a.answeredById,
      ...timelineText('timeline.surveyAnswered', {
        channel: a.channel,
        recommendation: a.checked.recommendation,
        category: npsCategoryOf(a.checked.recommendation),
      }),
      body: quoteAnswers(questions, a.checked.answers),
      data: {
        surveyResponseId: id,
        overall: a.checked.overall,
        lowScore: a.checked.lowScore,
        complaintRequestId,
        addOnRequestIds,
      },
      sourceType: 'survey_response',
      sourceId: id,
    });
    if (a.activityId) {
      const note = a.channel === 'email' ? 'Vom Kunden per Link beantwortet' : 'Befragung am Telefon erfasst';
      await activities.completeIn(tx, a.activityId, a.answeredById, 'reached', note);
    }
    return row;
  });
}
