import type { z } from 'zod';
import { can } from '@shared/auth/policies';
import {
  npsCategoryOf,
  type PhoneSurveyInput,
  type SatisfactionQuery,
  type SurveyResponse,
} from '@shared/surveys/schemas';
import type { Deps } from '@server/deps';
import type { MergeHooks } from '@server/modules/contacts';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError } from '@server/http/errors';
import { allLocationNames, userNames } from '@server/modules/org';
import { checkAnswers } from './answers';
import { createInvitations, type InvitationDeps } from './invitations';
import { createQuestionnaires } from './questionnaires';
import { recordAnswer } from './record';
import { satisfactionReport } from './report';
import * as repo from './repo';
import { modelOf, surveySubject } from './subject';

export type SurveysDeps = Omit<InvitationDeps, 'questionnaires'>;
export type SurveysService = ReturnType<typeof createSurveysService>;

/**
 * Customer satisfaction (R2.8): a questionnaire in versions, asked on the phone or by an e-mailed
 * link, the answers on the timeline, a complaint for a low score, requests for add-on interest.
 */
export function createSurveysService(deps: Deps, modules: SurveysDeps, mergeHooks: MergeHooks) {
  const { db } = deps;
  mergeHooks.register('surveys', (tx, sourceId, targetId) => repo.moveContact(tx, sourceId, targetId));
  const questionnaires = createQuestionnaires(deps);
  const invitations = createInvitations(deps, { ...modules, questionnaires });

  async function present(rows: repo.ResponseRow[]): Promise<SurveyResponse[]> {
    const versions = await repo.questionnairesByIds(
      db,
      rows.map((r) => r.questionnaireId),
    );
    const names = await userNames(
      db,
      rows.flatMap((r) => (r.answeredById ? [r.answeredById] : [])),
    );
    return rows.map((r) => {
      const questionnaire = versions.get(r.questionnaireId)!;
      return {
        id: r.id,
        contactId: r.contactId,
        vehicleId: r.vehicleId,
        channel: r.channel,
        questionnaireVersion: questionnaire.version,
        recommendation: r.recommendation,
        overall: r.overall,
        npsCategory: npsCategoryOf(r.recommendation),
        lowScore: r.lowScore,
        complaintRequestId: r.complaintRequestId,
        addOnRequestIds: r.addOnRequestIds,
        answeredBy: r.answeredById ? { id: r.answeredById, displayName: names.get(r.answeredById) ?? '' } : null,
        answers: questionnaire.questions.map((q) => ({
          key: q.key,
          kind: q.kind,
          text: q.text.de,
          value: r.answers[q.key] ?? null,
        })),
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  return {
    questionnaires,
    invite: invitations.invite,
    publicView: invitations.view,
    publicAnswer: invitations.answer,

    /** Staff fill the form while the customer is on the phone; the answer is theirs to have taken down. */
    async answerByPhone(actor: UserActor, input: z.output<typeof PhoneSurveyInput>): Promise<SurveyResponse> {
      const subject = await surveySubject(modules, actor, input);
      assertLocation(actor, subject.locationId);
      const questionnaire = await questionnaires.byId(input.questionnaireId);
      const latest = await questionnaires.current();
      if (latest.id !== questionnaire.id) {
        throw new ConflictError('The questionnaire was changed meanwhile. Reload the form.', [
          { field: 'questionnaireId', code: 'invalid', message: 'not the current version' },
        ]);
      }
      const checked = checkAnswers(questionnaire.questions, input.answers, questionnaire.lowScoreThreshold);
      const row = await recordAnswer(deps, modules, {
        questionnaire,
        checked,
        channel: 'phone',
        contactId: subject.contact.id,
        vehicleId: subject.vehicle?.id ?? null,
        vehicle: modelOf(subject.vehicle),
        activityId: subject.activity?.id ?? null,
        invitationId: null,
        locationId: subject.locationId,
        consultantId: actor.userId,
        answeredById: actor.userId,
        intakeActor: actor,
      });
      return (await present([row]))[0]!;
    },

    /** The customer's answers, newest first (staff of any location see a customer's history). */
    async forContact(_actor: UserActor, contactId: string): Promise<SurveyResponse[]> {
      await modules.contacts.get(contactId);
      return present(await repo.responsesOfContact(db, contactId));
    },

    async report(actor: UserActor, query: z.output<typeof SatisfactionQuery>) {
      if (!can(actor.role, 'reports.read')) throw new ForbiddenError();
      if (query.locationId && !hasLocation(actor, query.locationId)) throw new ForbiddenError();
      return satisfactionReport(db, actor, query, async () => [...(await allLocationNames(db)).keys()]);
    },
  };
}
