import type { z } from 'zod';
import type { ExternalOfferFields, Offer, OfferInput, OfferList } from '@shared/sales/offer-api';
import { fieldError } from '@shared/errors/codes';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ForbiddenError, NotFoundError, UnsupportedMediaTypeError } from '@server/http/errors';
import { assertLocation, type UserActor } from '@server/http/access';
import { documentsOf, documentWithContent, storeDocumentIn } from '@server/modules/documents';
import { userNames } from '@server/modules/org';
import { inspectFile } from '@server/modules/requests';
import {
  acceptOfferIn,
  attachExternalDocumentIn,
  assertOpen,
  figuresOf,
  insertVersionIn,
  lockOpportunity,
  offerById,
  offersOf,
  opportunityOf,
  type OfferRow,
  type OpportunityRow,
  rejectOfferIn,
} from './store';

type Input = z.output<typeof OfferInput>;
type ExternalFields = z.output<typeof ExternalOfferFields>;

/** Who works with offers: the location's sales consultants and managers (admins everywhere). */
const SELLERS = new Set(['admin', 'manager', 'sales']);

/** Everyone at the opportunity's location reads its offers (reception for a walk-in's deputy, R0.7). */
function assertReader(actor: UserActor, opportunity: OpportunityRow): void {
  assertLocation(actor, opportunity.locationId);
}

function assertSeller(actor: UserActor, opportunity: OpportunityRow): void {
  assertReader(actor, opportunity);
  if (!SELLERS.has(actor.role))
    throw new ForbiddenError('Only sales staff and managers of the location work on offers.');
}

export interface ExternalUpload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export type OffersService = ReturnType<typeof createOffersService>;

export function createOffersService({ db, clock }: Deps) {
  async function present(tx: DbOrTx, rows: OfferRow[]): Promise<Offer[]> {
    const names = await userNames(tx, [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))]);
    const files = new Map<string, string>();
    for (const row of rows.filter((r) => r.externalDocumentId)) {
      const [doc] = await documentsOf(tx, 'offer', row.id);
      if (doc) files.set(row.id, doc.fileName);
    }
    return rows.map((r) => ({
      id: r.id,
      opportunityId: r.opportunityId,
      version: r.version,
      status: r.status as Offer['status'],
      content: r.content ?? null,
      figures: r.figures ?? null,
      grossCents: r.grossCents,
      netCents: r.netCents,
      vatCents: r.vatCents,
      payableCents: r.payableCents,
      monthlyRateCents: r.monthlyRateCents,
      externalTool: (r.externalTool as Offer['externalTool']) ?? null,
      externalFileName: files.get(r.id) ?? null,
      validUntil: r.validUntil,
      sentAt: r.sentAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      rejectionReason: r.rejectionReason,
      createdBy: r.createdById ? (names.get(r.createdById) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  const presentOne = async (tx: DbOrTx, row: OfferRow) => (await present(tx, [row]))[0]!;

  /** A decision on one offer: the offer and its opportunity locked, the caller checked. */
  async function decide(
    actor: UserActor,
    offerId: string,
    change: (tx: DbOrTx, offer: OfferRow, opportunity: OpportunityRow, at: Date) => Promise<OfferRow>,
  ): Promise<Offer> {
    return db.transaction(async (tx) => {
      const { opportunityId } = await offerById(tx, offerId);
      const opportunity = await lockOpportunity(tx, opportunityId);
      assertSeller(actor, opportunity);
      const offer = await offerById(tx, offerId);
      return presentOne(tx, await change(tx, offer, opportunity, clock.now()));
    });
  }

  return {
    async list(actor: UserActor, opportunityId: string): Promise<OfferList> {
      const opportunity = await opportunityOf(db, opportunityId);
      assertReader(actor, opportunity);
      return { closed: opportunity.status !== 'open', items: await present(db, await offersOf(db, opportunityId)) };
    },

    async get(actor: UserActor, offerId: string): Promise<Offer> {
      const offer = await offerById(db, offerId);
      assertReader(actor, await opportunityOf(db, offer.opportunityId));
      return presentOne(db, offer);
    },

    /** A new version built here, its figures computed from the content and stored with it. */
    async create(actor: UserActor, opportunityId: string, input: Input): Promise<Offer> {
      return db.transaction(async (tx) => {
        const opportunity = await lockOpportunity(tx, opportunityId);
        assertSeller(actor, opportunity);
        assertOpen(opportunity);
        const figures = figuresOf(input.content);
        const row = await insertVersionIn(tx, opportunity, {
          content: input.content,
          figures,
          grossCents: null,
          monthlyRateCents: null,
          externalTool: null,
          validUntil: input.validUntil,
          byId: actor.userId,
          at: clock.now(),
        });
        return presentOne(tx, row);
      });
    },

    /** A new version that is the PDF from the brand's own tool, with what the user read off it. */
    async createExternal(
      actor: UserActor,
      opportunityId: string,
      fields: ExternalFields,
      file: ExternalUpload,
    ): Promise<Offer> {
      // Who may comes first: someone from elsewhere learns nothing about what their file would have been.
      assertSeller(actor, await opportunityOf(db, opportunityId));
      const inspection = await inspectFile('application/pdf', file.fileName, file.content);
      if (!inspection.ok) {
        throw new UnsupportedMediaTypeError('Only the PDF from the brand tool is accepted.', [
          {
            field: 'file',
            in: 'body',
            ...fieldError('file_content_mismatch', { fileName: file.fileName }),
            message: `"${file.fileName}" ${inspection.reason}`,
          },
        ]);
      }
      return db.transaction(async (tx) => {
        const opportunity = await lockOpportunity(tx, opportunityId);
        assertSeller(actor, opportunity);
        assertOpen(opportunity);
        const at = clock.now();
        const row = await insertVersionIn(tx, opportunity, {
          content: null,
          figures: null,
          grossCents: fields.grossCents ?? null,
          monthlyRateCents: fields.monthlyRateCents ?? null,
          externalTool: fields.tool,
          validUntil: fields.validUntil,
          byId: actor.userId,
          at,
        });
        const document = await storeDocumentIn(tx, {
          kind: 'offer_external',
          ownerType: 'offer',
          ownerId: row.id,
          fileName: inspection.fileName,
          contentType: 'application/pdf',
          content: file.content,
          createdById: actor.userId,
        });
        const stored = await attachExternalDocumentIn(tx, row.id, document.id);
        return presentOne(tx, stored);
      });
    },

    /** The brand PDF, for a reader who may see the opportunity. */
    async externalPdf(actor: UserActor, offerId: string) {
      const offer = await offerById(db, offerId);
      assertReader(actor, await opportunityOf(db, offer.opportunityId));
      const document = offer.externalDocumentId ? await documentWithContent(db, offer.externalDocumentId) : null;
      if (!document) throw new NotFoundError('The offer PDF');
      return document;
    },

    accept: (actor: UserActor, offerId: string) =>
      decide(actor, offerId, (tx, offer, opportunity, at) => acceptOfferIn(tx, offer, opportunity, actor.userId, at)),

    reject: (actor: UserActor, offerId: string, reason: string) =>
      decide(actor, offerId, (tx, offer, opportunity, at) =>
        rejectOfferIn(tx, offer, opportunity, reason, actor.userId, at),
      ),
  };
}
