import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { SelectionFilter } from '@shared/campaigns/schemas';
import {
  CAMPAIGN_RESPONSES,
  type Campaign,
  CampaignInput,
  type CampaignResponse,
  type SelectionCount,
} from '@shared/campaigns/schemas';
import type { Deps } from '@server/deps';
import { assertLocation, hasLocation, type UserActor } from '@server/http/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { berlinToday } from '@server/modules/contacts';
import { loadPeople, userNames } from '@server/modules/org';
import { brandsAndModelsSql } from '@server/modules/vehicles';
import { campaignLetters } from './letters';
import { assertKnownPlaceholders } from './personalise';
import { campaignReport } from './report';
import { unsubscribeIn, unsubscribeState } from './responses';
import * as repo from './repo';
import { countSelection, freezeRecipients, previewSelection } from './selection';
import { type CampaignSenders, createSenders } from './senders';
import { campaignRecipients, campaigns } from './tables';

export type CampaignsService = ReturnType<typeof createCampaignsService>;

const PROCESS_JOB = 'campaigns.process';
const PREVIEW_SIZE = 20;

/** Campaigns: a saved selection, its live count, the start that freezes recipients, and the results. */
export function createCampaignsService(deps: Deps, jobs: JobsService, ports: CampaignSenders) {
  const { db, clock } = deps;
  const senders = createSenders(deps, ports);

  const processJob = jobs.register(
    defineJob({
      kind: PROCESS_JOB,
      payload: z.object({ campaignId: z.uuid() }),
      // One batch per run in the job's transaction; a further run is planned while recipients remain.
      handler: async ({ campaignId }, ctx) => {
        const more = await senders.processBatch(ctx.tx, campaignId, ctx.now);
        if (more) await jobs.schedule(ctx.tx, processJob, { campaignId }, { runAt: ctx.now });
      },
      maxAttempts: 5,
      backoff: 30_000,
    }),
  );

  function assertMaySee(actor: UserActor, row: repo.CampaignRow): void {
    if (!hasLocation(actor, row.locationId)) throw new ForbiddenError('This campaign belongs to another location.');
  }

  function checkInput(input: z.output<typeof CampaignInput>, actor: UserActor) {
    assertLocation(actor, input.locationId);
    for (const locationId of input.filter.locationIds) {
      if (!hasLocation(actor, locationId))
        throw new ValidationError([
          { field: 'filter.locationIds', in: 'body', code: 'own_location_required', message: 'not your location' },
        ]);
    }
    assertKnownPlaceholders('subject', input.subject);
    assertKnownPlaceholders('body', input.body);
  }

  /** A manager's selection never reaches beyond their locations: no location chosen means all of theirs. */
  function scoped(actor: UserActor, filter: SelectionFilter): SelectionFilter {
    if (filter.locationIds.some((id) => !hasLocation(actor, id)))
      throw new ValidationError([
        { field: 'filter.locationIds', in: 'body', code: 'own_location_required', message: 'not your location' },
      ]);
    if (actor.role === 'admin' || filter.locationIds.length > 0) return filter;
    return { ...filter, locationIds: actor.locationIds };
  }

  async function present(rows: repo.CampaignRow[]): Promise<Campaign[]> {
    const [counts, names] = await Promise.all([
      repo.tallies(
        db,
        rows.map((r) => r.id),
      ),
      userNames(
        db,
        rows.map((r) => r.createdBy).filter((id): id is string => Boolean(id)),
      ),
    ]);
    return rows.map((r) => {
      const c = counts.get(r.id) ?? {};
      return {
        id: r.id,
        name: r.name,
        channel: r.channel,
        status: r.status,
        locationId: r.locationId,
        filter: r.filter,
        subject: r.subject,
        body: r.body,
        teamUserIds: r.teamUserIds,
        createdBy: r.createdBy ? { id: r.createdBy, displayName: names.get(r.createdBy) ?? '' } : null,
        createdAt: r.createdAt.toISOString(),
        startedAt: r.startedAt?.toISOString() ?? null,
        finishedAt: r.finishedAt?.toISOString() ?? null,
        recipientCount: r.recipientCount,
        processed: c.processed ?? 0,
        excluded: {
          blocked: r.excludedBlocked,
          withoutConsent: r.excludedNoConsent,
          withoutAddress: r.excludedNoAddress,
        },
        responses: Object.fromEntries(CAMPAIGN_RESPONSES.map((k) => [k, c[k] ?? 0])) as Campaign['responses'],
      };
    });
  }

  async function load(actor: UserActor, id: string): Promise<repo.CampaignRow> {
    const row = await repo.findCampaign(db, id);
    if (!row) throw new NotFoundError('Campaign');
    assertMaySee(actor, row);
    return row;
  }

  return {
    async count(actor: UserActor, channel: Campaign['channel'], filter: SelectionFilter): Promise<SelectionCount> {
      const now = clock.now();
      return countSelection(db, { channel, filter: scoped(actor, filter), now, today: berlinToday(now) });
    },

    async preview(actor: UserActor, channel: Campaign['channel'], filter: SelectionFilter) {
      const now = clock.now();
      const ctx = { channel, filter: scoped(actor, filter), now, today: berlinToday(now) };
      const found = await previewSelection(db, ctx, PREVIEW_SIZE);
      return found.map((r) => {
        const excludedBecause = r.blocked
          ? 'blocked'
          : !r.consent
            ? 'no_consent'
            : !r.has_address
              ? 'no_address'
              : null;
        return {
          contactId: r.id,
          displayName: r.display_name,
          customerNumber: r.customer_number,
          reachable: excludedBecause === null,
          excludedBecause,
        } as const;
      });
    },

    /** Brands and models on record, for the editor's choices. */
    async vehicleChoices(): Promise<Array<{ brand: string; model: string; count: number }>> {
      const found = (
        (await db.execute(brandsAndModelsSql)) as unknown as {
          rows: Array<{ make: string; model: string; n: number }>;
        }
      ).rows;
      return found.map((r) => ({ brand: r.make, model: r.model, count: Number(r.n) }));
    },

    async list(actor: UserActor): Promise<Campaign[]> {
      const rows = await db
        .select()
        .from(campaigns)
        .where(actor.role === 'admin' ? undefined : inArray(campaigns.locationId, actor.locationIds))
        .orderBy(desc(campaigns.createdAt))
        .limit(200);
      return present(rows);
    },

    async get(actor: UserActor, id: string): Promise<Campaign> {
      return (await present([await load(actor, id)]))[0]!;
    },

    async create(actor: UserActor, raw: z.input<typeof CampaignInput>): Promise<Campaign> {
      const input = CampaignInput.parse(raw);
      checkInput(input, actor);
      const now = clock.now();
      const [row] = await db
        .insert(campaigns)
        .values({ ...input, createdBy: actor.userId, createdAt: now, updatedAt: now })
        .returning();
      return (await present([row!]))[0]!;
    },

    async update(actor: UserActor, id: string, raw: z.input<typeof CampaignInput>): Promise<Campaign> {
      const input = CampaignInput.parse(raw);
      await load(actor, id);
      checkInput(input, actor);
      const row = await db.transaction(async (tx) => {
        const current = await repo.findCampaign(tx, id, true);
        if (current?.status !== 'draft') throw new ConflictError('A started campaign can no longer be changed.');
        const [updated] = await tx
          .update(campaigns)
          .set({ ...input, updatedAt: clock.now() })
          .where(eq(campaigns.id, id))
          .returning();
        return updated!;
      });
      return (await present([row]))[0]!;
    },

    async remove(actor: UserActor, id: string): Promise<void> {
      await load(actor, id);
      const deleted = await db
        .delete(campaigns)
        .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
        .returning({ id: campaigns.id });
      if (deleted.length === 0) throw new ConflictError('A started campaign stays as a record of what was sent.');
    },

    /**
     * Starts a campaign: its recipients are frozen (who matches now, is not blocked, consents to
     * the channel and can be reached), the others counted, and the letters, mails or calls made.
     * `expectedRecipients` is the count the user confirmed; a different one means the data changed.
     */
    async start(actor: UserActor, id: string, expectedRecipients: number): Promise<Campaign> {
      const row = await load(actor, id);
      if (row.channel === 'call') {
        if (row.teamUserIds.length === 0)
          throw new ValidationError([
            { field: 'teamUserIds', in: 'body', code: 'too_few', params: { min: 1 }, message: 'choose who calls' },
          ]);
        const people = await loadPeople(db, row.teamUserIds);
        if (row.teamUserIds.some((u) => !people.get(u)?.active))
          throw new ValidationError([
            { field: 'teamUserIds', in: 'body', code: 'inactive_user', message: 'a chosen colleague is not active' },
          ]);
      }
      if (row.channel === 'email' && !row.subject.trim())
        throw new ValidationError([{ field: 'subject', in: 'body', code: 'required', message: 'is required' }]);
      if (!row.body.trim())
        throw new ValidationError([{ field: 'body', in: 'body', code: 'required', message: 'is required' }]);
      const started = await db.transaction(async (tx) => {
        const current = await repo.findCampaign(tx, id, true);
        if (current?.status !== 'draft') throw new ConflictError('This campaign was started already.');
        const now = clock.now();
        const ctx = { channel: row.channel, filter: scoped(actor, row.filter), now, today: berlinToday(now) };
        const counted = await countSelection(tx, ctx);
        if (counted.recipients !== expectedRecipients)
          throw new ConflictError('The selection changed since you confirmed it; check the count and start again.', [
            { field: 'expectedRecipients', code: 'invalid', message: `now ${counted.recipients} recipients` },
          ]);
        const frozen = await freezeRecipients(tx, id, ctx);
        const [updated] = await tx
          .update(campaigns)
          .set({
            status: 'running',
            startedAt: now,
            startedBy: actor.userId,
            updatedAt: now,
            recipientCount: frozen,
            excludedBlocked: counted.blocked,
            excludedNoConsent: counted.withoutConsent,
            excludedNoAddress: counted.withoutAddress,
          })
          .where(eq(campaigns.id, id))
          .returning();
        await jobs.schedule(tx, processJob, { campaignId: id }, { runAt: now });
        return updated!;
      });
      return (await present([started]))[0]!;
    },

    async recipients(actor: UserActor, id: string, after: number, limit: number) {
      await load(actor, id);
      const rows = await repo.recipientBatch(db, id, after, limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          contactId: r.contactId,
          displayName: r.displayName,
          email: r.email,
          city: r.city,
          processedAt: r.processedAt?.toISOString() ?? null,
          responses: CAMPAIGN_RESPONSES.filter((k) => r[repo.RESPONSE_FIELD[k]] !== null),
        })),
        nextAfter: rows.length === limit ? rows.at(-1)!.seq : null,
      };
    },

    /** Marks or clears a response by hand (replied, appointment, request created …). */
    async markResponse(actor: UserActor, id: string, recipientId: string, response: CampaignResponse, marked: boolean) {
      const row = await load(actor, id);
      if (row.status === 'draft') throw new ConflictError('A campaign has responses once it is started.');
      const updated = await db
        .update(campaignRecipients)
        .set({ [repo.RESPONSE_FIELD[response]]: marked ? clock.now() : null })
        .where(and(eq(campaignRecipients.id, recipientId), eq(campaignRecipients.campaignId, id)))
        .returning({ id: campaignRecipients.id });
      if (updated.length === 0) throw new NotFoundError('Recipient');
    },

    /** The letters as a PDF stream, a page per frozen recipient. */
    async letters(actor: UserActor, id: string) {
      const campaign = await load(actor, id);
      if (campaign.channel !== 'letter') throw new ConflictError('Only a letter campaign prints letters.');
      if (campaign.status === 'draft')
        throw new ConflictError('Start the campaign first: its recipients are then fixed.');
      return { campaign, stream: await campaignLetters(db, campaign, campaign.startedAt ?? clock.now()) };
    },

    report: (actor: UserActor, query: { from: string; to: string; locationId?: string }) =>
      campaignReport(db, actor, query),

    unsubscribeState: (token: string) => unsubscribeState(db, token),

    unsubscribe: (token: string) => db.transaction((tx) => unsubscribeIn(tx, token, clock.now())),
  };
}
