import { z } from 'zod';

/** What a question asks for: a score 0–10, yes or no, or the customer's own words. */
export const QUESTION_KINDS = ['scale', 'yes_no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The score questions the low-score rule and the reports read. */
export const QUESTION_ROLES = ['recommendation', 'overall'] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

/** A yes to an add-on question becomes a request for the department that sells it. */
export const ADD_ONS = ['accessories', 'tyres', 'service_package'] as const;
export type AddOn = (typeof ADD_ONS)[number];

export const SURVEY_CHANNELS = ['phone', 'email'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const SURVEY_LANGUAGES = ['de', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

/** Net Promoter groups of the recommendation score. */
export const NPS_CATEGORIES = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

export const SURVEY_MAX = { questions: 30, questionText: 300, answerText: 4000, name: 120 } as const;

export const QuestionText = z.object({
  de: z.string().trim().min(1).max(SURVEY_MAX.questionText),
  en: z.string().trim().max(SURVEY_MAX.questionText).default(''),
});

export const Question = z.object({
  /** Stable within a questionnaire version; answers name their question by it. */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: z.enum(QUESTION_KINDS),
  text: QuestionText,
  role: z.enum(QUESTION_ROLES).nullable().default(null),
  addOn: z.enum(ADD_ONS).nullable().default(null),
  required: z.boolean().default(false),
});
export type Question = z.infer<typeof Question>;

export const QuestionnaireInput = z.object({
  name: z.string().trim().min(1).max(SURVEY_MAX.name),
  questions: z.array(Question).min(1).max(SURVEY_MAX.questions),
  /** A recommendation or overall score at or below this is a low score (0–10). */
  lowScoreThreshold: z.number().int().min(0).max(10),
});

export const Questionnaire = z.object({
  id: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  questions: z.array(Question),
  lowScoreThreshold: z.number().int(),
  createdAt: z.string(),
  /** Answers given to this version: it is frozen, a change makes the next version. */
  answers: z.number().int(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** One answer: a score, yes/no, or text, by the question's key. */
export const AnswerValue = z.union([
  z.number().int().min(0).max(10),
  z.boolean(),
  z.string().max(SURVEY_MAX.answerText),
  z.null(),
]);
export const Answers = z
  .record(z.string().max(40), AnswerValue)
  .refine((a) => Object.keys(a).length <= SURVEY_MAX.questions, { message: 'too many answers' });
export type Answers = z.infer<typeof Answers>;

export const PhoneSurveyInput = z.object({
  questionnaireId: z.uuid(),
  contactId: z.uuid(),
  vehicleId: z.uuid().nullable().default(null),
  /** The satisfaction call this answers; it is completed with the answer. */
  activityId: z.uuid().nullable().default(null),
  answers: Answers,
});

export const SurveyInvitationInput = z.object({
  contactId: z.uuid(),
  vehicleId: z.uuid().nullable().default(null),
  activityId: z.uuid().nullable().default(null),
  language: z.enum(SURVEY_LANGUAGES).default('de'),
  /** One of the customer's addresses; the primary one when left out. */
  to: z.string().trim().max(254).nullable().default(null),
});

export const SurveyInvitation = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  to: z.string(),
  expiresAt: z.string(),
  customerEmailId: z.uuid(),
});
export type SurveyInvitation = z.infer<typeof SurveyInvitation>;

export const AnsweredQuestion = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  value: AnswerValue,
});

export const SurveyResponse = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  vehicleId: z.uuid().nullable(),
  channel: z.enum(SURVEY_CHANNELS),
  questionnaireVersion: z.number().int(),
  recommendation: z.number().int().nullable(),
  overall: z.number().int().nullable(),
  npsCategory: z.enum(NPS_CATEGORIES).nullable(),
  lowScore: z.boolean(),
  complaintRequestId: z.uuid().nullable(),
  addOnRequestIds: z.array(z.uuid()),
  answeredBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  answers: z.array(AnsweredQuestion),
  createdAt: z.string(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** What the customer's page shows: only their salutation and first name and the car's model. */
export const PublicSurvey = z.object({
  language: z.enum(SURVEY_LANGUAGES),
  salutation: z.string().nullable(),
  firstName: z.string().nullable(),
  vehicle: z.string().nullable(),
  location: z.object({ name: z.string(), logo: z.string().nullable() }),
  questions: z.array(Question),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const PublicAnswerInput = z.object({ answers: Answers });

export const SurveyToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const SatisfactionQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  locationId: z.uuid().optional(),
});

export const SatisfactionFigures = z.object({
  responses: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** −100…100, null without recommendation scores. */
  nps: z.number().nullable(),
  averageRecommendation: z.number().nullable(),
  averageOverall: z.number().nullable(),
  lowScores: z.number().int(),
  invitations: z.number().int(),
  /** Share of e-mailed invitations answered, in percent; null without invitations. */
  answerRate: z.number().nullable(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFigures>;

export const SatisfactionRow = SatisfactionFigures.extend({ key: z.string().nullable(), label: z.string() });

export const SatisfactionReport = z.object({
  total: SatisfactionFigures,
  byLocation: z.array(SatisfactionRow),
  byConsultant: z.array(SatisfactionRow),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReport>;

/** Promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategoryOf(score: number | null): NpsCategory | null {
  if (score === null) return null;
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** Net Promoter Score: percent promoters minus percent detractors, one decimal; null without answers. */
export function npsOf(promoters: number, passives: number, detractors: number): number | null {
  const all = promoters + passives + detractors;
  return all === 0 ? null : Math.round(((promoters - detractors) / all) * 1000) / 10;
}
