import type { LetterheadInput } from '@shared/documents/letterhead';
import type { Deps } from '@server/deps';
import { assertLocation, type UserActor } from '@server/http/access';
import { ForbiddenError, NotFoundError } from '@server/http/errors';
import { letterheadFor, letterheadView, logoOf, saveLetterhead, setLogo } from './letterheads';
import { renderSample } from './sample';
import { documentWithContent, type StoredDocument } from './store';

/**
 * Whether a user may read the documents of one owner record. The module that owns the
 * record registers it (sales for offers, test drives and orders); documents stays
 * ignorant of what its files belong to.
 */
export type OwnerAccess = (
  tx: Deps['db'],
  actor: UserActor,
  ownerId: string,
) => Promise<'allowed' | 'forbidden' | 'unknown'>;

export type DocumentsService = ReturnType<typeof createDocumentsService>;

export function createDocumentsService({ db, clock }: Deps) {
  const owners = new Map<string, OwnerAccess>();

  async function letterheadOrThrow(locationId: string) {
    const view = await letterheadView(db, locationId);
    if (!view) throw new NotFoundError('The location');
    return view;
  }

  return {
    /** Lets the module owning `ownerType` records decide who may download their documents. */
    registerOwner(ownerType: string, mayRead: OwnerAccess): void {
      owners.set(ownerType, mayRead);
    },

    /** A document with its bytes, when the owner's module lets the user read it. */
    async download(actor: UserActor, id: string): Promise<StoredDocument & { content: Buffer }> {
      const doc = await documentWithContent(db, id);
      const mayRead = doc && owners.get(doc.ownerType);
      const verdict = mayRead ? await mayRead(db, actor, doc.ownerId) : 'unknown';
      if (!doc || verdict === 'unknown') throw new NotFoundError('The document');
      if (verdict === 'forbidden') throw new ForbiddenError('You may not read the record this document belongs to.');
      return doc;
    },

    letterheads: {
      async preview(actor: UserActor, locationId: string): Promise<Buffer> {
        assertLocation(actor, locationId);
        const letterhead = await letterheadFor(db, locationId);
        if (!letterhead) throw new NotFoundError('The location');
        return renderSample(letterhead, clock.now());
      },
      async logo(actor: UserActor, locationId: string) {
        assertLocation(actor, locationId);
        const logo = await logoOf(db, locationId);
        if (!logo) throw new NotFoundError('The logo');
        return logo;
      },
      async get(actor: UserActor, locationId: string) {
        assertLocation(actor, locationId);
        return letterheadOrThrow(locationId);
      },
      async save(actor: UserActor, locationId: string, input: LetterheadInput) {
        await letterheadOrThrow(locationId);
        await saveLetterhead(db, locationId, input, actor.userId, clock.now());
        return letterheadOrThrow(locationId);
      },
      async setLogo(actor: UserActor, locationId: string, logo: { content: Buffer; contentType: string } | null) {
        const view = await letterheadOrThrow(locationId);
        if (!(await setLogo(db, locationId, logo, actor.userId, clock.now())) && logo) {
          // A logo belongs to a letterhead: start one from what the location prints today.
          const { locationId: _l, configured: _c, hasLogo: _h, updatedAt: _u, ...fields } = view;
          await saveLetterhead(db, locationId, fields, actor.userId, clock.now());
          await setLogo(db, locationId, logo, actor.userId, clock.now());
        }
        return letterheadOrThrow(locationId);
      },
    },
  };
}
