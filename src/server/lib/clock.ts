/**
 * Time is injected everywhere so that deadlines, session expiry and reminders
 * can be tested by moving a clock instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at a fixed instant and only moves when told to. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string = '2026-03-02T08:00:00Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
