import { codeOfIssue, fieldError } from '@shared/errors/codes';
import { createPublicKey } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TelephonyProvider } from '@shared/telephony/enums';
import {
  PROVIDER_SETTINGS,
  SECRET_REQUIRED,
  WEBHOOK_PATHS,
  WRITE_ONLY_SETTINGS,
} from '@shared/telephony/provider-settings';
import type { Connection, ConnectionEvent, ConnectionInput, ConnectionUpdate } from '@shared/telephony/schemas';
import type { Deps } from '@server/deps';
import type { Actor, UserActor } from '@server/http/access';
import { NotFoundError } from '@server/http/errors';
import { cstaSettingsSchema } from '@server/integrations/provider-settings/csta';
import { sipgateWebhookUrl } from '@server/integrations/provider-settings/sipgate';
import { recordAudit } from '@server/modules/audit';
import type { EventBus } from '@server/modules/notifications';
import { callEvents, telephonyConnections } from '../tables';
import { assertSeesTelephonyOf, FieldErrors, locationExists, seesTelephonyOf } from './checks';

type Row = typeof telephonyConnections.$inferSelect;
type Input = z.output<typeof ConnectionInput>;
type Update = z.output<typeof ConnectionUpdate>;

/**
 * Published after a connection was created, changed or removed, so whichever
 * process holds the phone system links (re)starts or stops the adapter.
 */
export const CONNECTIONS_CHANNEL = 'crm_telephony_connections';
export interface ConnectionsChanged {
  connectionId: string;
  /** 'extensions': who sits where changed; the link starts and stops monitors without reconnecting. */
  change: 'created' | 'updated' | 'deleted' | 'extensions';
}

const EVENTS_SHOWN = 100;

/** What the shared schema cannot check in a browser: that the adapter will accept it too. */
function checkForAdapter(provider: TelephonyProvider, settings: Record<string, unknown>, errors: FieldErrors) {
  if (provider === 'csta') {
    const result = cstaSettingsSchema.safeParse(settings);
    for (const issue of result.error?.issues ?? []) {
      errors.add(['settings', ...issue.path.map(String)].join('.'), codeOfIssue(issue), issue.message);
    }
  }
  if (provider === 'sipgate' && typeof settings.publicKey === 'string') {
    try {
      createPublicKey(settings.publicKey);
    } catch {
      errors.add('settings.publicKey', { code: 'invalid' }, 'is not a readable public key');
    }
  }
}

/** Checks the provider's settings; errors are named `settings.<key>` like any body field. */
export function parseSettings(provider: TelephonyProvider, settings: Record<string, unknown>, errors: FieldErrors) {
  const result = PROVIDER_SETTINGS[provider].safeParse(settings);
  if (result.success) {
    const data = result.data as Record<string, unknown>;
    checkForAdapter(provider, data, errors);
    return data;
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.add(`settings.${key}`, fieldError('unknown_field', { field: key }), `not a setting of ${provider}`);
    } else {
      errors.add(['settings', ...issue.path.map(String)].join('.'), codeOfIssue(issue), issue.message);
    }
  }
  return null;
}

/**
 * Credentials among the settings are write-only: a change that leaves one out
 * keeps the stored value (the form never had it), null removes it.
 */
function withWriteOnly(
  provider: TelephonyProvider,
  parsed: Record<string, unknown>,
  sent: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const settings = { ...parsed };
  for (const key of WRITE_ONLY_SETTINGS[provider]) {
    if (!(key in sent) && stored[key] !== undefined) settings[key] = stored[key];
    if (settings[key] === null || settings[key] === undefined) delete settings[key];
  }
  return settings;
}

/** The settings as the API shows them: without the write-only ones. */
function visibleSettings(provider: TelephonyProvider, settings: Record<string, unknown>) {
  const visible = { ...settings };
  for (const key of WRITE_ONLY_SETTINGS[provider]) delete visible[key];
  return visible;
}

function webhookUrl(publicUrl: string, row: Row): string | null {
  if (row.provider === 'sipgate') return sipgateWebhookUrl(publicUrl, row);
  const path = WEBHOOK_PATHS[row.provider];
  return path ? `${publicUrl}${path}${row.id}` : null;
}

/** A state for a connection that was just saved; the adapter's process overwrites it once it acts. */
function initialState(provider: TelephonyProvider, enabled: boolean): Row['state'] {
  if (!enabled) return 'disabled';
  return provider === 'csta' ? 'connecting' : 'connected';
}

export function createConnectionsAdmin({ db, clock, config }: Deps, events: EventBus) {
  function present(row: Row, lastEventAt: Date | null = null): Connection & { lastEventAt: string | null } {
    return {
      id: row.id,
      provider: row.provider,
      name: row.name,
      enabled: row.enabled,
      locationId: row.locationId,
      settings: visibleSettings(row.provider, row.settings),
      hasSecret: Boolean(row.secret),
      hasApiToken: typeof row.settings.apiToken === 'string' && row.settings.apiToken !== '',
      state: row.state,
      stateDetail: row.stateDetail,
      stateChangedAt: row.stateChangedAt?.toISOString() ?? null,
      webhookUrl: webhookUrl(config.publicUrl, row),
      lastEventAt: lastEventAt?.toISOString() ?? null,
    };
  }

  async function find(id: string): Promise<Row> {
    const [row] = await db.select().from(telephonyConnections).where(eq(telephonyConnections.id, id));
    if (!row) throw new NotFoundError('Connection');
    return row;
  }

  async function lastEventAt(id: string): Promise<Date | null> {
    const [row] = await db
      .select({ at: callEvents.receivedAt })
      .from(callEvents)
      .where(eq(callEvents.connectionId, id))
      .orderBy(desc(callEvents.receivedAt))
      .limit(1);
    return row?.at ?? null;
  }

  async function checkLocation(locationId: string | null | undefined, errors: FieldErrors) {
    if (locationId && !(await locationExists(db, locationId)))
      errors.add('locationId', { code: 'unknown_location' }, 'unknown location');
  }

  return {
    async list(viewer: UserActor) {
      const rows = (await db.select().from(telephonyConnections).orderBy(telephonyConnections.name)).filter((r) =>
        seesTelephonyOf(viewer, r.locationId),
      );
      return Promise.all(rows.map(async (r) => present(r, await lastEventAt(r.id))));
    },

    async get(id: string, viewer?: UserActor) {
      const row = await find(id);
      if (viewer) assertSeesTelephonyOf(viewer, row.locationId);
      return present(row, await lastEventAt(id));
    },

    async create(actor: Actor, input: Input) {
      const errors = new FieldErrors();
      const parsed = parseSettings(input.provider, input.settings, errors);
      if (SECRET_REQUIRED[input.provider] && !input.secret)
        errors.add('secret', { code: 'required' }, 'required for this provider');
      await checkLocation(input.locationId, errors);
      errors.throwIfAny();
      const settings = withWriteOnly(input.provider, parsed!, input.settings, {});
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(telephonyConnections)
          .values({
            provider: input.provider,
            name: input.name,
            enabled: input.enabled,
            locationId: input.locationId,
            settings,
            secret: input.secret ?? null,
            state: initialState(input.provider, input.enabled),
            stateChangedAt: now,
          })
          .returning({ id: telephonyConnections.id });
        await recordAudit(tx, now, actor, {
          action: 'telephony.connection.created',
          entityType: 'telephony_connection',
          entityId: row!.id,
          // Never the secret: the audit log is readable by more people than the PBX.
          data: { name: input.name, provider: input.provider, hasSecret: Boolean(input.secret) },
        });
        await events.publish(tx, CONNECTIONS_CHANNEL, { connectionId: row!.id, change: 'created' });
        return row!.id;
      });
      return this.get(id);
    },

    async update(actor: Actor, id: string, input: Update) {
      const current = await find(id);
      const provider = input.provider ?? current.provider;
      const errors = new FieldErrors();
      // Another provider's settings mean nothing to the new one: a switch starts from the settings sent, or none.
      const switched = provider !== current.provider;
      const sent = input.settings ?? (switched ? {} : null);
      const parsed = sent ? parseSettings(provider, sent, errors) : current.settings;
      const secret = input.secret === undefined ? current.secret : input.secret;
      if (SECRET_REQUIRED[provider] && !secret)
        errors.add('secret', { code: 'required' }, 'required for this provider');
      await checkLocation(input.locationId, errors);
      errors.throwIfAny();
      const settings = sent
        ? withWriteOnly(provider, parsed!, sent, switched ? {} : current.settings)
        : current.settings;
      const now = clock.now();
      const enabled = input.enabled ?? current.enabled;
      const relink = enabled !== current.enabled || provider !== current.provider || settings !== current.settings;
      await db.transaction(async (tx) => {
        await tx
          .update(telephonyConnections)
          .set({
            provider,
            name: input.name ?? current.name,
            enabled,
            locationId: input.locationId === undefined ? current.locationId : input.locationId,
            settings,
            secret,
            ...(relink ? { state: initialState(provider, enabled), stateDetail: null, stateChangedAt: now } : {}),
            updatedAt: now,
          })
          .where(eq(telephonyConnections.id, id));
        await recordAudit(tx, now, actor, {
          action: 'telephony.connection.updated',
          entityType: 'telephony_connection',
          entityId: id,
          data: {
            fields: Object.keys(input),
            ...(input.secret !== undefined ? { secret: input.secret === null ? 'removed' : 'changed' } : {}),
          },
        });
        await events.publish(tx, CONNECTIONS_CHANNEL, { connectionId: id, change: 'updated' });
      });
      return this.get(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const current = await find(id);
      await db.transaction(async (tx) => {
        await tx.delete(telephonyConnections).where(eq(telephonyConnections.id, id));
        await recordAudit(tx, clock.now(), actor, {
          action: 'telephony.connection.deleted',
          entityType: 'telephony_connection',
          entityId: id,
          data: { name: current.name, provider: current.provider },
        });
        await events.publish(tx, CONNECTIONS_CHANNEL, { connectionId: id, change: 'deleted' });
      });
    },

    /** The last events a connection received, newest first: what the admin checks when calls do not pop up. */
    async events(viewer: UserActor, id: string): Promise<Array<z.infer<typeof ConnectionEvent>>> {
      assertSeesTelephonyOf(viewer, (await find(id)).locationId);
      const rows = await db
        .select()
        .from(callEvents)
        .where(and(eq(callEvents.connectionId, id)))
        .orderBy(desc(callEvents.receivedAt), desc(callEvents.at))
        .limit(EVENTS_SHOWN);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        at: r.at.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
        callId: r.callId,
        payload: r.payload ?? null,
      }));
    },
  };
}
