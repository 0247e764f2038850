import type { z } from 'zod';
import type { Questionnaire, QuestionnaireInput } from '@shared/surveys/schemas';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '@server/http/errors';
import { DEFAULT_QUESTIONNAIRE } from './default-questionnaire';
import * as repo from './repo';

export type Questionnaires = ReturnType<typeof createQuestionnaires>;

/** Exactly one scale question may be the recommendation (NPS) one, one the overall one; keys unique. */
function checkQuestions(input: z.output<typeof QuestionnaireInput>): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.questions.forEach((q, i) => {
    if (seen.has(q.key))
      errors.push({ field: `questions.${i}.key`, in: 'body', code: 'invalid', message: 'used twice' });
    seen.add(q.key);
    if (q.role && q.kind !== 'scale')
      errors.push({ field: `questions.${i}.role`, in: 'body', code: 'invalid', message: 'only a scale question' });
    if (q.addOn && q.kind !== 'yes_no')
      errors.push({ field: `questions.${i}.addOn`, in: 'body', code: 'invalid', message: 'only a yes/no question' });
  });
  for (const role of ['recommendation', 'overall'] as const) {
    const n = input.questions.filter((q) => q.role === role).length;
    if (n > 1)
      errors.push({ field: 'questions', in: 'body', code: 'invalid', message: `more than one ${role} question` });
  }
  if (!input.questions.some((q) => q.role === 'recommendation'))
    errors.push({ field: 'questions', in: 'body', code: 'required', message: 'a recommendation question is needed' });
  if (errors.length > 0) throw new ValidationError(errors);
}

/**
 * The questionnaire in versions. The shipped one is written the first time anyone asks; a
 * manager's change writes the next version, so answers keep the questions they answered.
 */
export function createQuestionnaires({ db }: Deps) {
  async function present(row: repo.QuestionnaireRow): Promise<Questionnaire> {
    return {
      id: row.id,
      version: row.version,
      name: row.name,
      questions: row.questions,
      lowScoreThreshold: row.lowScoreThreshold,
      createdAt: row.createdAt.toISOString(),
      answers: await repo.answersTo(db, row.id),
    };
  }

  async function current(): Promise<repo.QuestionnaireRow> {
    const latest = await repo.latestQuestionnaire(db);
    if (latest) return latest;
    // Two first callers at once: the version's unique key lets one write it, both read it after.
    await repo.insertQuestionnaire(db, { version: 1, ...DEFAULT_QUESTIONNAIRE, createdById: null });
    return (await repo.latestQuestionnaire(db))!;
  }

  async function byId(id: string): Promise<repo.QuestionnaireRow> {
    const row = await repo.questionnaireById(db, id);
    if (!row) throw new NotFoundError('Questionnaire');
    return row;
  }

  return {
    current,
    byId,
    currentView: async () => present(await current()),
    async save(actor: UserActor, input: z.output<typeof QuestionnaireInput>): Promise<Questionnaire> {
      checkQuestions(input);
      const before = await current();
      const row = await repo.insertQuestionnaire(db, {
        version: before.version + 1,
        name: input.name,
        questions: input.questions,
        lowScoreThreshold: input.lowScoreThreshold,
        createdById: actor.userId,
      });
      if (!row) throw new ConflictError('Someone else changed the questionnaire just now. Reload and try again.');
      return present(row);
    },
  };
}
