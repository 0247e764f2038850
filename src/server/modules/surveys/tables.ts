import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Question } from '@shared/surveys/schemas';
import { createdAt, id, instant } from '../../db/columns';
import { contacts } from '../contacts/tables';
import { locations, users } from '../org/tables';

/**
 * The questionnaire, one row per version. A version that has answers is never changed: an edit
 * writes the next version, so every answer keeps the very questions it answered.
 */
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: id(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    lowScoreThreshold: integer('low_score_threshold').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_questionnaires_version_uq').on(t.version)],
);

/**
 * A link e-mailed to the customer. Only the token's SHA-256 is kept: the database alone cannot
 * answer for the customer. One answer per link (`answeredAt`), valid until `expiresAt`.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id'),
    activityId: uuid('activity_id'),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    language: text('language').$type<'de' | 'en'>().notNull(),
    sentById: uuid('sent_by_id')
      .notNull()
      .references(() => users.id),
    customerEmailId: uuid('customer_email_id').notNull(),
    expiresAt: instant('expires_at').notNull(),
    answeredAt: instant('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_uq').on(t.tokenHash),
    index('survey_invitations_contact_idx').on(t.contactId),
    index('survey_invitations_location_idx').on(t.locationId, t.createdAt),
  ],
);

/** One answered questionnaire, by phone (staff typed it in) or by the customer through a link. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    vehicleId: uuid('vehicle_id'),
    activityId: uuid('activity_id'),
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    /** Whom the answer counts for in the reports: who called, or who sent the link. */
    consultantId: uuid('consultant_id').references(() => users.id, { onDelete: 'set null' }),
    channel: text('channel').$type<'phone' | 'email'>().notNull(),
    /** The staff member who took it down on the phone; null when the customer answered themselves. */
    answeredById: uuid('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, number | boolean | string | null>>().notNull(),
    recommendation: integer('recommendation'),
    overall: integer('overall'),
    lowScore: boolean('low_score').notNull(),
    complaintRequestId: uuid('complaint_request_id'),
    addOnRequestIds: uuid('add_on_request_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_responses_invitation_uq').on(t.invitationId),
    index('survey_responses_contact_idx').on(t.contactId, t.createdAt),
    index('survey_responses_location_idx').on(t.locationId, t.createdAt),
  ],
);
