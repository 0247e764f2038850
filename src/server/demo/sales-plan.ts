import type { LostReason, OpportunityStage } from '@shared/sales/enums';
import { addDaysTo } from '@server/modules/activities';
import { LOST } from './sales-data';

/** What one demo opportunity went through: its stage now, or how it was won or lost. */
export interface Story {
  stage: OpportunityStage;
  status: 'open' | 'won' | 'lost';
  /** The stage it was lost at. */
  lost?: { at: OpportunityStage; reason: LostReason; brand: string | null; note: string };
  /** Open ones without a planned next activity: the board flags them. */
  flagged: boolean;
}

const OPEN_STAGES: OpportunityStage[] = ['new', 'contacted', 'test_drive', 'offer', 'negotiation', 'contract'];

/**
 * A consultant's pipeline: cards in every open stage (three each for the well-known demo login,
 * two for the others, one in "contract"), one car delivered this month and two lost. Every
 * third open card has no next activity, so the board shows the flag.
 */
export function pipelineOf(wellKnown: boolean, consultantIndex: number): Story[] {
  // The delivery first: it must be there even when a small demo runs short of customers.
  const stories: Story[] = [{ stage: 'delivered', status: 'won', flagged: false }];
  let n = consultantIndex;
  for (const stage of OPEN_STAGES) {
    const count = stage === 'contract' ? 1 : wellKnown ? 3 : 2;
    for (let i = 0; i < count; i++)
      stories.push({ stage, status: 'open', flagged: stage !== 'contract' && n++ % 3 === 0 });
  }
  const lostAt: OpportunityStage[] = ['contacted', 'offer'];
  for (const [i, at] of lostAt.entries()) {
    const reason = LOST[(consultantIndex * 2 + i) % LOST.length]!;
    stories.push({ stage: at, status: 'lost', lost: { at, ...reason }, flagged: false });
  }
  return stories;
}

/** A Berlin day moved by n working days (Monday to Saturday count, Sunday is skipped). */
export function workingDay(day: string, n: number): string {
  let d = day;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    d = addDaysTo(d, step);
    if (new Date(`${d}T12:00:00Z`).getUTCDay() !== 0) left--;
  }
  return d;
}

/** The stages an opportunity passed on its way to `stage`, "new" first. */
export function pathTo(stage: OpportunityStage): OpportunityStage[] {
  const all: OpportunityStage[] = [...OPEN_STAGES, 'delivered'];
  return all.slice(0, all.indexOf(stage) + 1);
}
