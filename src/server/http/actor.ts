import type { Actor } from './access';

/** The user a row is written by (createdBy, authorId…); null when an API key or the system wrote it. */
export const authorOf = (actor: Actor | null | undefined): string | null =>
  actor?.kind === 'user' ? actor.userId : null;

/** Who a row is written by, as the two columns that record it: a user or an API key, never both. */
export const actorIds = (actor: Actor): { userId: string | null; apiKeyId: string | null } =>
  actor.kind === 'user' ? { userId: actor.userId, apiKeyId: null } : { userId: null, apiKeyId: actor.apiKeyId };
