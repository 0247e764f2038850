import type { AddOn, Answers, Question, SurveyLanguage } from '@shared/surveys/schemas';
import { type FieldError, ValidationError } from '@server/http/errors';

export interface CheckedAnswers {
  answers: Answers;
  recommendation: number | null;
  overall: number | null;
  lowScore: boolean;
  /** Add-on questions answered yes. */
  addOns: Array<{ addOn: AddOn; question: Question }>;
}

/**
 * Checks answers against the questions they answer: a score 0–10 for a scale, yes/no for a
 * yes/no question, text for a text question; required ones answered; no answer to a question the
 * version does not have. Text is kept verbatim (only trimmed of surrounding blanks).
 */
export function checkAnswers(questions: Question[], given: Answers, lowScoreThreshold: number): CheckedAnswers {
  const errors: FieldError[] = [];
  const fail = (key: string, code: FieldError['code'], message: string) =>
    errors.push({ field: `answers.${key}`, in: 'body', code, message });
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(given)) if (!byKey.has(key)) fail(key, 'invalid', 'no such question');

  const answers: Answers = {};
  for (const q of questions) {
    let value = given[q.key] ?? null;
    if (typeof value === 'string') value = value.trim() || null;
    if (value === null) {
      if (q.required) fail(q.key, 'required', 'is required');
      answers[q.key] = null;
      continue;
    }
    const fits =
      (q.kind === 'scale' && typeof value === 'number') ||
      (q.kind === 'yes_no' && typeof value === 'boolean') ||
      (q.kind === 'text' && typeof value === 'string');
    if (!fits) fail(q.key, 'invalid', `must be an answer to a ${q.kind} question`);
    answers[q.key] = value;
  }
  if (errors.length > 0) throw new ValidationError(errors);

  const scoreOf = (role: Question['role']) => {
    const q = questions.find((x) => x.role === role && x.kind === 'scale');
    const v = q ? answers[q.key] : null;
    return typeof v === 'number' ? v : null;
  };
  const recommendation = scoreOf('recommendation');
  const overall = scoreOf('overall');
  const lowScore = [recommendation, overall].some((s) => s !== null && s <= lowScoreThreshold);
  const addOns = questions
    .filter((q) => q.addOn !== null && answers[q.key] === true)
    .map((q) => ({ addOn: q.addOn!, question: q }));
  return { answers, recommendation, overall, lowScore, addOns };
}

const YES_NO = { de: ['Ja', 'Nein'], en: ['Yes', 'No'] } as const;

/** One answer as the customer gave it: the score, yes/no in words, or their text verbatim. */
export function answerInWords(value: Answers[string], language: SurveyLanguage = 'de'): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return YES_NO[language][value ? 0 : 1];
  if (typeof value === 'number') return `${value}/10`;
  return value;
}

/** Every question with its answer, the customer's words quoted verbatim: for the request and the timeline. */
export function quoteAnswers(questions: Question[], answers: Answers): string {
  return questions
    .filter((q) => answers[q.key] !== null && answers[q.key] !== undefined)
    .map((q) => {
      const value = answers[q.key]!;
      const words = typeof value === 'string' ? `„${value}“` : answerInWords(value);
      return `${q.text.de}\n${words}`;
    })
    .join('\n\n');
}
