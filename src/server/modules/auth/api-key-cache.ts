import type { ApiKeyActor } from '@server/http/access';

/**
 * Verified API keys, per process and for a few seconds: machines (web forms,
 * the PBX) call in bursts, and looking the key up on every call doubled the
 * cost of the cheapest routes. Revoking clears this process's entries at
 * once; other processes notice within the lifetime of an entry.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { actor: ApiKeyActor; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 1_000,
  ) {}

  get(keyHash: string): ApiKeyActor | null {
    const entry = this.entries.get(keyHash);
    if (!entry) return null;
    if (entry.until <= this.now()) {
      this.entries.delete(keyHash);
      return null;
    }
    return entry.actor;
  }

  set(keyHash: string, actor: ApiKeyActor): void {
    // Guessed secrets are never cached (only found keys are), so the map stays small; the cap is a backstop.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(keyHash, { actor, until: this.now() + this.ttlMs });
  }

  forget(apiKeyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.actor.apiKeyId === apiKeyId) this.entries.delete(hash);
  }
}
