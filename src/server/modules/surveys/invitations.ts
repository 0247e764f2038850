import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PublicSurvey, SurveyInvitation, SurveyInvitationInput, SurveyLanguage } from '@shared/surveys/schemas';
import type { Deps } from '@server/deps';
import { assertLocation, type UserActor } from '@server/http/access';
import { ConflictError, DomainError, NotFoundError } from '@server/http/errors';
import type { CorrespondenceService } from '@server/modules/correspondence';
import { letterheadFor } from '@server/modules/documents';
import type { OrgService } from '@server/modules/org';
import { actorOf } from './actor';
import { checkAnswers } from './answers';
import { type AnswerToRecord, recordAnswer } from './record';
import * as repo from './repo';
import type { Questionnaires } from './questionnaires';
import { modelOf, type SubjectDeps, surveySubject } from './subject';
import type { RequestsService } from '@server/modules/requests';
import type { Answers } from '@shared/surveys/schemas';

/** How long a link stays valid: long enough for a holiday, short enough not to linger in a mailbox. */
export const INVITATION_DAYS = 30;

/** The link's time is over (410 Gone): the page says so in words. */
export class SurveyExpiredError extends DomainError {
  constructor() {
    super(410, 'survey-expired', 'This survey link has expired.');
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The e-mail in the customer's language; the link is the only way in, so it stands on its own line. */
function invitationMail(language: SurveyLanguage, name: string, firstName: string | null, link: string, days: number) {
  if (language === 'en') {
    return {
      subject: `How satisfied are you? A short survey from ${name}`,
      text: `Hello${firstName ? ` ${firstName}` : ''},\n\nthank you for choosing ${name}. We would like to know how satisfied you are – it takes about two minutes:\n\n${link}\n\nThe link is personal and valid for ${days} days; it can be used once.\n\nKind regards\n${name}`,
    };
  }
  return {
    subject: `Wie zufrieden sind Sie? Eine kurze Befragung von ${name}`,
    text: `Hallo${firstName ? ` ${firstName}` : ''},\n\nvielen Dank, dass Sie sich für ${name} entschieden haben. Wir möchten gern wissen, wie zufrieden Sie sind – es dauert etwa zwei Minuten:\n\n${link}\n\nDer Link ist persönlich, ${days} Tage gültig und kann einmal verwendet werden.\n\nMit freundlichen Grüßen\n${name}`,
  };
}

export interface InvitationDeps extends SubjectDeps {
  correspondence: CorrespondenceService;
  requests: RequestsService;
  org: OrgService;
  questionnaires: Questionnaires;
}

/** "Befragung per E-Mail senden" and the customer's side of the link. */
export function createInvitations(deps: Deps, modules: InvitationDeps) {
  const { db, clock, config } = deps;

  async function invite(actor: UserActor, input: z.output<typeof SurveyInvitationInput>): Promise<SurveyInvitation> {
    const subject = await surveySubject(modules, actor, input);
    assertLocation(actor, subject.locationId);
    // A satisfaction survey by e-mail counts as advertising (BGH VI ZR 225/17): only with consent to marketing mail.
    const consented = subject.contact.consents.some(
      (c) => c.channel === 'email' && c.purpose === 'marketing' && c.status === 'granted',
    );
    if (!consented) {
      throw new ConflictError('The customer has not agreed to marketing e-mail, which a survey by e-mail needs.', [
        { field: 'contactId', code: 'consent_missing', message: 'no consent to marketing e-mail' },
      ]);
    }
    const questionnaire = await modules.questionnaires.current();
    const location = await modules.org.getLocation(subject.locationId);
    const token = randomBytes(24).toString('base64url');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const mail = invitationMail(
      input.language,
      location.name,
      subject.contact.firstName ?? null,
      `${config.publicUrl}/umfrage/${token}`,
      INVITATION_DAYS,
    );
    return db.transaction(async (tx) => {
      const sent = await modules.correspondence.sendCustomerEmailIn(tx, {
        contactId: subject.contact.id,
        sentById: actor.userId,
        to: input.to,
        subject: mail.subject,
        text: mail.text,
        locationId: subject.locationId,
        templateKey: 'satisfaction_survey',
      });
      const id = crypto.randomUUID();
      await repo.insertInvitation(tx, {
        id,
        tokenHash: hashToken(token),
        questionnaireId: questionnaire.id,
        contactId: subject.contact.id,
        vehicleId: subject.vehicle?.id ?? null,
        activityId: subject.activity?.id ?? null,
        locationId: subject.locationId,
        language: input.language,
        sentById: actor.userId,
        customerEmailId: sent.id,
        expiresAt,
        createdAt: now,
      });
      return {
        id,
        contactId: subject.contact.id,
        to: sent.to,
        expiresAt: expiresAt.toISOString(),
        customerEmailId: sent.id,
      };
    });
  }

  /** The link's invitation, or the reason it cannot be answered: unknown 404, used 409, expired 410. */
  async function openInvitation(token: string): Promise<repo.InvitationRow> {
    const invitation = await repo.invitationByHash(db, hashToken(token));
    if (!invitation) throw new NotFoundError('Survey');
    if (invitation.answeredAt) throw new ConflictError('This survey has been answered already.');
    if (invitation.expiresAt <= clock.now()) throw new SurveyExpiredError();
    return invitation;
  }

  async function view(token: string): Promise<PublicSurvey> {
    const invitation = await openInvitation(token);
    const [questionnaire, contact, vehicle, letterhead] = await Promise.all([
      modules.questionnaires.byId(invitation.questionnaireId),
      modules.contacts.get(invitation.contactId),
      invitation.vehicleId ? modules.vehicles.get(invitation.vehicleId).catch(() => null) : Promise.resolve(null),
      letterheadFor(db, invitation.locationId),
    ]);
    const logoType = await logoContentType(letterhead?.logo ?? null);
    return {
      language: invitation.language,
      salutation: contact.salutation ?? null,
      firstName: contact.firstName ?? null,
      vehicle: modelOf(vehicle),
      location: {
        name: letterhead?.companyName ?? '',
        logo: letterhead?.logo && logoType ? `data:${logoType};base64,${letterhead.logo.toString('base64')}` : null,
      },
      questions: questionnaire.questions,
    };
  }

  async function answer(token: string, given: Answers): Promise<{ thanks: true }> {
    const invitation = await openInvitation(token);
    const questionnaire = await modules.questionnaires.byId(invitation.questionnaireId);
    const checked = checkAnswers(questionnaire.questions, given, questionnaire.lowScoreThreshold);
    const sender = await modules.org.getUser(invitation.sentById);
    const vehicle = invitation.vehicleId ? await modules.vehicles.get(invitation.vehicleId).catch(() => null) : null;
    const toRecord: AnswerToRecord = {
      questionnaire,
      checked,
      channel: 'email',
      contactId: invitation.contactId,
      vehicleId: invitation.vehicleId,
      vehicle: modelOf(vehicle),
      activityId: invitation.activityId,
      invitationId: invitation.id,
      locationId: invitation.locationId,
      consultantId: invitation.sentById,
      answeredById: null,
      intakeActor: actorOf(sender),
    };
    await recordAnswer(deps, modules, toRecord, async (tx, now) => {
      if (!(await repo.claimInvitation(tx, invitation.id, now))) {
        throw new ConflictError('This survey has been answered already.');
      }
    });
    return { thanks: true };
  }

  return { invite, view, answer };
}

/** PNG or JPEG by their first bytes; anything else is not shown. */
async function logoContentType(logo: Buffer | null): Promise<string | null> {
  if (!logo || logo.length < 4) return null;
  if (logo[0] === 0x89 && logo[1] === 0x50) return 'image/png';
  if (logo[0] === 0xff && logo[1] === 0xd8) return 'image/jpeg';
  return null;
}
