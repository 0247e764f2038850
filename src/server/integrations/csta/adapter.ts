import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Logger } from 'pino';
import type { ConnectionState } from '@shared/telephony/enums';
import type { Db } from '@server/db/client';
import type { Clock } from '@server/lib/clock';
import {
  type CallEventSink,
  type CallParty,
  type ConnectionRow,
  type ConnectionStatus,
  extensionsOfConnection,
  recordLinkState,
  type TelephonyAdapter,
} from '@server/modules/telephony';
import { type NumberContext, parseDeviceId } from './device-id';
import { EventKeys, translateEvent } from './events';
import { CstaLink, CstaRequestError } from './link';
import { readMadeCall, requests } from './messages';
import { type CstaSettings, readCstaSettings } from '@server/integrations/provider-settings/csta';
import { CSTA_NAMESPACES } from './xml';

export interface CstaAdapterDeps {
  db: Db;
  clock: Clock;
  log: Logger;
}

export interface CstaAdapterOptions {
  /** Overrides of the stored settings (back-off and time-outs in tests). */
  settings?: Record<string, unknown>;
  /** For the back-off jitter. */
  random?: () => number;
}

export interface CstaAdapter extends TelephonyAdapter {
  /** monitorCrossRefID per device of the current link. */
  monitors(): ReadonlyMap<string, string>;
}

/**
 * The CSTA Phase III (ECMA-323) adapter: holds the TCP link to an on-premise
 * PBX, turns its events into call events for the sink, places calls with
 * MakeCall, and writes the link's state to the connection row for the admin.
 */
export function createCstaAdapter(
  connection: ConnectionRow,
  sink: CallEventSink,
  deps: CstaAdapterDeps,
  options: CstaAdapterOptions = {},
): CstaAdapter {
  const log = deps.log.child({ telephonyConnection: connection.id, provider: 'csta' });
  const read = readCstaSettings({ ...connection.settings, ...options.settings });
  let status: ConnectionStatus = { state: 'disabled', detail: null, since: null };
  let stateWrites: Promise<void> = Promise.resolve();
  let eventDeliveries: Promise<void> = Promise.resolve();
  let ownDevices = new Map<string, string>();

  const setState = (state: ConnectionState, detail: string | null) => {
    const since = deps.clock.now();
    status = { state, detail, since };
    log.info({ state, detail }, 'CSTA link state');
    stateWrites = stateWrites.then(async () => {
      try {
        await recordLinkState(deps.db, connection.id, { state, detail, since });
      } catch (error) {
        log.error({ err: error }, 'CSTA: writing the link state failed');
      }
    });
  };

  if (!read.ok) {
    return {
      provider: 'csta',
      connectionId: connection.id,
      async start() {
        setState('failed', `invalid settings: ${read.error}`);
        await stateWrites;
      },
      async stop() {
        await stateWrites;
      },
      status: () => status,
      monitors: () => new Map(),
      devicesChanged: async () => {},
      makeCall: () => Promise.reject(new CstaRequestError('MakeCall', `invalid settings: ${read.error}`)),
    };
  }

  const settings = read.settings;
  const numbers: NumberContext = {
    country: settings.country,
    extensionMaxLength: settings.extensionMaxLength,
    outsideLinePrefix: settings.dialPrefix,
  };
  const eventKeys = new EventKeys();

  const loadDevices = async (): Promise<string[]> => {
    const mapped = await extensionsOfConnection(deps.db, connection.id, { monitoredOnly: true });
    const devices = [...new Set([...settings.devices, ...mapped])];
    ownDevices = indexDevices(devices, numbers);
    return devices;
  };

  const ownDevice = (party: CallParty): string | null => {
    for (const key of [party.raw, party.e164, party.extension]) {
      const found = key ? ownDevices.get(key) : undefined;
      if (found) return found;
    }
    return null;
  };

  const link = new CstaLink({
    host: settings.host,
    port: settings.port,
    session: settings.applicationSession
      ? {
          applicationId: settings.applicationId,
          protocolVersions: settings.protocolVersions.map((v) => CSTA_NAMESPACES[v]),
          durationSeconds: settings.sessionDurationSeconds,
          userId: settings.userId ?? null,
          password: settings.userId ? connection.secret : null,
        }
      : null,
    namespace: CSTA_NAMESPACES[settings.protocolVersions[0]!],
    requestTimeoutMs: settings.requestTimeoutMs,
    reconnect: {
      initialMs: settings.reconnectInitialMs,
      maxMs: settings.reconnectMaxMs,
      failAfterAttempts: settings.failAfterAttempts,
    },
    devices: loadDevices,
    onState: setState,
    log,
    random: options.random,
    onEvent(root) {
      const translated = translateEvent(root, {
        connectionId: connection.id,
        numbers,
        ownDevice,
        now: () => deps.clock.now(),
      });
      if (!translated) {
        log.debug({ event: root.name }, 'CSTA: event without call state ignored');
        return;
      }
      const event = { ...translated.event, eventKey: eventKeys.keyFor(translated) };
      // One at a time, in the order the PBX sent them: state depends on it.
      eventDeliveries = eventDeliveries.then(async () => {
        // Only what our monitors report: a call on a device we never monitored would ring forever.
        // Checked here, in turn: the MonitorStart answer read just before this event is recorded by now.
        const crossRefId = translated.monitorCrossRefId;
        const ours = crossRefId
          ? [...link.monitors.values()].includes(crossRefId)
          : Boolean(translated.event.extensions?.length);
        if (!ours) {
          log.debug({ event: root.name, crossRefId }, 'CSTA: event for a device not monitored ignored');
          return;
        }
        try {
          await sink.handle(event);
        } catch (error) {
          log.error({ err: error, eventKey: event.eventKey }, 'CSTA: call event not processed');
        }
      });
    },
  });

  return {
    provider: 'csta',
    connectionId: connection.id,
    async start() {
      link.start();
    },
    async stop() {
      await link.stop();
      setState('disabled', 'stopped');
      await Promise.all([stateWrites, eventDeliveries]);
    },
    status: () => status,
    monitors: () => link.monitors,
    async devicesChanged() {
      try {
        await link.syncMonitors(await loadDevices());
      } catch (error) {
        log.error({ err: error }, 'CSTA: devices could not be brought up to date');
      }
    },
    async makeCall({ extension, to }) {
      const answer = await link.requestWhenReady(requests.makeCall(extension, dialString(to, settings)));
      return { externalCallId: readMadeCall(answer)?.callId ?? null };
    },
  };
}

/** Every way an event may name a configured device, pointing to the name the admin configured. */
function indexDevices(devices: string[], numbers: NumberContext): Map<string, string> {
  const index = new Map<string, string>();
  for (const device of devices) {
    const parsed = parseDeviceId(device, numbers);
    for (const key of [device, parsed.e164, parsed.extension]) if (key && !index.has(key)) index.set(key, device);
  }
  return index;
}

/** The number as the PBX wants it dialled; internal extensions go out as they are. */
export function dialString(
  to: string,
  settings: Pick<CstaSettings, 'country' | 'dialFormat' | 'dialPrefix' | 'extensionMaxLength'>,
): string {
  const party = parseDeviceId(to, settings);
  if (!party.e164) return to.trim();
  const parsed = parsePhoneNumberFromString(party.e164);
  let number = party.e164;
  if (settings.dialFormat === 'national' && parsed) {
    number =
      parsed.country === settings.country
        ? `${parsed.formatNational().replace(/\D/g, '')}`
        : `00${party.e164.slice(1)}`;
  }
  return settings.dialPrefix + number;
}
