import type { IntakeInput, IntakeOptions } from '../intake';
import type * as repo from '../repo';

export interface MachineLead {
  input: IntakeInput;
  options?: IntakeOptions;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier call with the same Idempotency-Key. */
  replayed: boolean;
}

/** The Idempotency-Key of a call and the hash of its body. */
export interface Idempotency {
  key: string;
  hash: string;
}

/** The answer the caller gives for what was taken in: its status and body are stored with the key. */
export type Answer = (outcome: { created: repo.RequestRow[]; duplicates: repo.RequestRow[] }) => {
  status: number;
  body: unknown;
};
