import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CstaSimulator, type CstaSimulatorOptions } from '@test/support/csta-simulator';
import { createTestDatabase } from '@test/support/database';
import type { Database } from '@server/db/client';
import { ManualClock } from '@server/lib/clock';
import type { CallEvent, CallEventSink } from '@server/modules/telephony';
import { locations, users } from '@server/modules/org/tables';
import { telephonyConnections, telephonyExtensions } from '@server/modules/telephony/tables';
import { type CstaAdapter, createCstaAdapter } from './adapter';
import { CstaLinkDownError, CstaRequestError } from './link';

const ED3 = 'http://www.ecma-international.org/standards/ecma-323/csta/ed3';
const CUSTOMER = 'N<+302118840100>;noa=nk;cr=1';

/** Collects what the adapter reports, as the call service would receive it. */
class CollectingSink implements CallEventSink {
  readonly events: CallEvent[] = [];
  /** How many of the next events fail, as a database error in the call service would. */
  failures = 0;
  async handle(event: CallEvent) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('call service unavailable');
    }
    this.events.push(event);
    return { callId: randomUUID(), applied: true };
  }
  async waitFor(predicate: (events: CallEvent[]) => boolean, what: string, timeoutMs = 3000): Promise<CallEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; got ${this.events.map((e) => e.kind).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.events;
  }
  kinds(callId?: string) {
    return this.events.filter((e) => !callId || e.callId === callId).map((e) => e.kind);
  }
}

let database: Database;
let userId: string;
const clock = new ManualClock('2026-03-02T08:00:00Z');
/** Every state change the adapter logged, in order. */
const logLines: Array<{ msg?: string; state?: string; telephonyConnection?: string }> = [];
const log = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });
let running: Array<{ adapter: CstaAdapter; sim: CstaSimulator }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const [location] = await database.db
    .insert(locations)
    .values({
      name: 'Autohaus Müller München',
      code: 'MUC',
      street: 'Landsberger Str. 1',
      postalCode: '80339',
      city: 'München',
      phone: '+49891234560',
      federalState: 'BY',
      openingHours: { mon: [{ from: '08:00', to: '18:00' }] } as never,
    })
    .returning();
  const [user] = await database.db
    .insert(users)
    .values({
      email: 'petra.huber@autohaus-mueller.test',
      firstName: 'Petra',
      lastName: 'Huber',
      passwordHash: 'x',
      role: 'sales',
      homeLocationId: location!.id,
    })
    .returning();
  userId = user!.id;
});

afterAll(async () => {
  await database.close();
});

afterEach(async () => {
  for (const { adapter, sim } of running) {
    await adapter.stop();
    await sim.stop();
  }
  running = [];
});

async function setUp(
  input: {
    sim?: CstaSimulatorOptions;
    settings?: Record<string, unknown>;
    extensions?: Array<{ extension: string; monitored: boolean }>;
  } = {},
) {
  const sim = await new CstaSimulator({ requireSession: true, ...input.sim }).start();
  const [connection] = await database.db
    .insert(telephonyConnections)
    .values({
      provider: 'csta',
      name: 'OpenScape München',
      settings: {
        host: '127.0.0.1',
        port: sim.port,
        applicationSession: true,
        userId: 'crm',
        devices: ['21', '22'],
        ...input.settings,
      },
      secret: 'pbx-password',
    })
    .returning();
  for (const e of input.extensions ?? []) {
    await database.db.insert(telephonyExtensions).values({ connectionId: connection!.id, userId, ...e });
  }
  const sink = new CollectingSink();
  const adapter = createCstaAdapter(
    connection!,
    sink,
    { db: database.db, clock, log },
    { settings: { reconnectInitialMs: 20, reconnectMaxMs: 100, requestTimeoutMs: 1000 } },
  );
  running.push({ adapter, sim });
  const stored = async () => {
    const [row] = await database.db
      .select()
      .from(telephonyConnections)
      .where(eq(telephonyConnections.id, connection!.id));
    return row!;
  };
  const waitForState = async (state: string, timeoutMs = 3000) => {
    await sim.until(() => adapter.status().state === state, timeoutMs, `state ${state}`);
    // The row is written right after the state changes; wait for that write too.
    const deadline = Date.now() + timeoutMs;
    while ((await stored()).state !== state && adapter.status().state === state) {
      if (Date.now() > deadline) throw new Error(`row never showed ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { sim, sink, adapter, connection: connection!, stored, waitForState };
}

describe.each<[string, CstaSimulatorOptions]>([
  ['prefixed ed3', { edition: 'ed3', prefix: 'csta' }],
  ['default-namespace ed5', { edition: 'ed5' }],
  ['namespace-less', { edition: 'none' }],
])('CSTA adapter with a %s PBX', (_name, simOptions) => {
  it('reports an inbound call from ring to hang-up with E.164 numbers and our extensions', async () => {
    const { sim, sink, adapter, stored, waitForState } = await setUp({
      sim: simOptions,
      extensions: [
        { extension: '23', monitored: true },
        { extension: '24', monitored: false },
      ],
    });
    await adapter.start();
    await waitForState('connected');

    // The session comes first, then one MonitorStart per monitored device.
    const sessionStart = sim.received[0]!;
    expect(sessionStart.name).toBe('StartApplicationSession');
    expect(sessionStart.xml).toContain(`<protocolVersion>${ED3}</protocolVersion>`);
    expect(sessionStart.xml).toContain('<userID>crm</userID><password>pbx-password</password>');
    expect(sim.messages('MonitorStart').map((m) => m.root.children[0]?.children[0]?.text)).toEqual(['21', '22', '23']);
    expect(Object.fromEntries(adapter.monitors())).toEqual(Object.fromEntries(sim.monitors));
    const row = await stored();
    expect(row).toMatchObject({ state: 'connected', stateDetail: 'monitoring 3 of 3 devices' });
    expect(row.stateChangedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(adapter.status()).toEqual({ state: 'connected', detail: 'monitoring 3 of 3 devices', since: clock.now() });

    const call = sim.inboundCall({ from: CUSTOMER, device: '21', called: 'N<0891234560>', callId: '4711' });
    call.deliver().establish().hold().retrieve().transfer('22', '4712').clear({ cause: 'normalClearing' });
    const events = await sink.waitFor((e) => e.some((x) => x.kind === 'ended'), 'the end of the call');

    expect(events.map((e) => e.kind)).toEqual([
      'ringing',
      'answered',
      'held',
      'retrieved',
      'transferred',
      'transferred',
      'ended',
    ]);
    const [ringing, answered, held, retrieved, transferred, transferredAgain, ended] = events;
    const customer = { raw: CUSTOMER, e164: '+302118840100', extension: null };
    expect(ringing).toMatchObject({
      provider: 'csta',
      connectionId: adapter.connectionId,
      callId: '4711',
      direction: 'inbound',
      from: customer,
      dialled: '+49891234560',
      extensions: ['21'],
    });
    expect(answered).toMatchObject({ callId: '4711', answeredBy: '21', from: customer, direction: 'inbound' });
    expect(held).toMatchObject({ callId: '4711', extensions: ['21'] });
    expect(retrieved).toMatchObject({ callId: '4711', extensions: ['21'] });
    expect(transferred).toMatchObject({
      callId: '4712',
      parentCallId: '4711',
      to: { extension: '22' },
      extensions: ['22'],
    });
    // Reported to the monitors of both 21 and 22: one event, one key.
    expect(transferredAgain!.eventKey).toBe(transferred!.eventKey);
    expect(ended).toMatchObject({ callId: '4712', cause: 'normalClearing' });
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(6);
    expect(ringing!.payload).toMatchObject({ event: 'DeliveredEvent' });
    expect(sim.clientErrors).toEqual([]);

    await adapter.stop();
    expect(await stored()).toMatchObject({ state: 'disabled', stateDetail: 'stopped' });
    expect(sim.messages('StopApplicationSession')).toHaveLength(1);
  });
});

describe('CSTA adapter', () => {
  it('reports a missed call: rang, was never answered, ended', async () => {
    const { sim, sink, adapter, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');
    sim.missedCall({ from: 'N<01711234567>', device: '22', callId: '900' });
    const events = await sink.waitFor((e) => e.some((x) => x.kind === 'ended'), 'the end of the missed call');
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'ended']);
    expect(events[0]).toMatchObject({ direction: 'inbound', from: { e164: '+491711234567' }, extensions: ['22'] });
    expect(events[1]).toMatchObject({ callId: '900', cause: 'normalClearing' });
  });

  it('reports a call diverted while ringing under its own call id, answered at the new device', async () => {
    const { sim, sink, adapter, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');
    sim.inboundCall({ from: CUSTOMER, device: '21', callId: '77' }).deliver().divert('22').establish().clear();
    const events = await sink.waitFor((e) => e.some((x) => x.kind === 'ended'), 'the end of the diverted call');
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'transferred', 'transferred', 'answered', 'ended']);
    expect(events[1]).toMatchObject({ callId: '77', to: { extension: '22' }, extensions: ['22'] });
    expect(events[1]!.parentCallId).toBeUndefined();
    expect(events[3]).toMatchObject({ callId: '77', answeredBy: '22', from: { e164: '+302118840100' } });
  });

  it('goes on delivering events after the sink failed on one', async () => {
    const { sim, sink, adapter, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');
    sink.failures = 1;
    sim.inboundCall({ from: CUSTOMER, device: '21', callId: '78' }).deliver().establish();
    const events = await sink.waitFor((e) => e.length === 1, 'the event after the failed one');
    expect(events[0]).toMatchObject({ kind: 'answered', callId: '78' });
  });

  it('places a call with MakeCall and reports it as outbound', async () => {
    const { sim, sink, adapter, waitForState } = await setUp({ settings: { dialFormat: 'national', dialPrefix: '0' } });
    await expect(adapter.makeCall({ extension: '21', to: '+49 89 1234567' })).rejects.toBeInstanceOf(CstaLinkDownError);
    await adapter.start();
    await waitForState('connected');

    const { externalCallId } = await adapter.makeCall({ extension: '21', to: '+49 89 1234567' });
    expect(externalCallId).toMatch(/^\d+$/);
    const request = sim.messages('MakeCall')[0]!;
    expect(request.xml).toContain('<callingDevice>21</callingDevice>');
    expect(request.xml).toContain('<calledDirectoryNumber>00891234567</calledDirectoryNumber>');

    const events = await sink.waitFor((e) => e.length >= 3, 'the outbound call events');
    expect(events.map((e) => [e.kind, e.callId, e.direction])).toEqual([
      ['originated', externalCallId, 'outbound'],
      ['ringing', externalCallId, 'outbound'],
      ['answered', externalCallId, 'outbound'],
    ]);
    expect(events[0]).toMatchObject({ from: { extension: '21' }, to: { e164: '+49891234567' }, extensions: ['21'] });

    const refused = adapter.makeCall({ extension: '', to: '+49891234567' });
    await expect(refused).rejects.toBeInstanceOf(CstaRequestError);
    await expect(refused).rejects.toThrow('The PBX refused MakeCall: operation: invalidCallingDevice');
    expect(adapter.status().state).toBe('connected');
  });

  it('survives malformed, unknown, garbled and split messages on the same connection', async () => {
    const { sim, sink, adapter, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');

    sim.sendMalformed();
    sim.sendUnknown();
    sim.sendGarbage();
    const call = sim.inboundCall({ from: '+4989555000', device: '21', callId: '31' });
    call.deliver();
    await sink.waitFor((e) => e.length === 1, 'the call after the bad messages');

    // One frame in many TCP segments, then two frames in one segment.
    const established = sim.eventFrame('EstablishedEvent', '21', [
      {
        element: 'establishedConnection',
        content: [
          { element: 'callID', content: '31' },
          { element: 'deviceID', content: '21' },
        ],
      },
      { element: 'answeringDevice', content: { element: 'deviceIdentifier', content: '21' } },
      { element: 'callingDevice', content: { element: 'deviceIdentifier', content: '+4989555000' } },
    ]);
    await sim.sendSplit(established, [1, 2, 3, 5, 20]);
    const cleared = (device: string) =>
      sim.eventFrame('ConnectionClearedEvent', '21', [
        {
          element: 'droppedConnection',
          content: [
            { element: 'callID', content: '31' },
            { element: 'deviceID', content: device },
          ],
        },
        { element: 'releasingDevice', content: { element: 'deviceIdentifier', content: device } },
        { element: 'cause', content: 'normalClearing' },
      ]);
    sim.broadcast(Buffer.concat([cleared('+4989555000'), cleared('21')]));
    const events = await sink.waitFor((e) => e.length === 4, 'the rest of the call');
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'answered', 'ended', 'ended']);
    expect(events[2]!.eventKey).not.toBe(events[3]!.eventKey);
    expect(sim.connections).toBe(1);
    expect(adapter.status().state).toBe('connected');
  });

  it('answers the PBX status poll', async () => {
    const { sim, adapter, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');
    const answer = await sim.systemStatus();
    expect(answer.name).toBe('SystemStatusResponse');
  });

  it('reconnects after the PBX drops the link, starts a new session, monitors again and hears the next call', async () => {
    const { sim, sink, adapter, stored, waitForState } = await setUp();
    await adapter.start();
    await waitForState('connected');
    const firstMonitors = Object.fromEntries(adapter.monitors());

    const logged = logLines.length;
    sim.dropConnections();
    await waitForState('reconnecting');
    expect((await stored()).stateDetail).toMatch(/retrying in \d+ ms/);
    await waitForState('connected');
    // A broken link shows as reconnecting until it is back, never as a first-time "connecting".
    const states = logLines
      .slice(logged)
      .filter((l) => l.telephonyConnection === adapter.connectionId && l.msg === 'CSTA link state')
      .map((l) => l.state);
    expect(states).toEqual(['reconnecting', 'connected']);

    expect(sim.connections).toBe(2);
    expect(sim.messages('StartApplicationSession')).toHaveLength(2);
    expect(sim.messages('MonitorStart').filter((m) => m.connection === 2)).toHaveLength(2);
    expect(Object.fromEntries(adapter.monitors())).not.toEqual(firstMonitors);
    expect(Object.fromEntries(adapter.monitors())).toEqual(Object.fromEntries(sim.monitors));

    sim.inboundCall({ from: CUSTOMER, device: '22', callId: '5001' }).deliver();
    const events = await sink.waitFor((e) => e.length === 1, 'the call after the reconnect');
    expect(events[0]).toMatchObject({ callId: '5001', kind: 'ringing', extensions: ['22'] });
  });

  it('keeps monitoring the other devices when the PBX refuses one', async () => {
    const { sim, sink, adapter, stored, waitForState } = await setUp({
      sim: { unknownDevices: ['29'] },
      settings: { devices: ['29', '21'] },
    });
    await adapter.start();
    await waitForState('connected');
    expect((await stored()).stateDetail).toBe(
      'monitoring 1 of 2 devices; not monitored: 29 (The PBX refused MonitorStart: operation: invalidMonitorObject)',
    );
    sim.inboundCall({ from: CUSTOMER, device: '21' }).deliver();
    await sink.waitFor((e) => e.length === 1, 'the call on the monitored device');
  });

  it('keeps the application session alive before it expires', async () => {
    const { sim, adapter, waitForState } = await setUp({ sim: { sessionDurationSeconds: 1 } });
    await adapter.start();
    await waitForState('connected');
    // The simulated PBX closes the link when the one-second session runs out unreset.
    await sim.until(() => sim.sessionResets >= 3, 3000, 'three session timer resets');
    const reset = sim.messages('ResetApplicationSessionTimer')[0]!;
    expect(reset.xml).toContain('<sessionID>session-1</sessionID>');
    expect(sim.sessionsExpired).toBe(0);
    expect(sim.connections).toBe(1);
  });

  it('shows failed after repeated failures, keeps trying, and connects once the PBX is back', async () => {
    const { sim, adapter, stored, waitForState } = await setUp({ settings: { failAfterAttempts: 2 } });
    sim.refuseConnections(true);
    await adapter.start();
    await waitForState('failed');
    expect((await stored()).stateDetail).toMatch(/^the PBX closed the connection; retrying in/);
    sim.refuseConnections(false);
    await waitForState('connected');
  });

  it('reports invalid settings as failed without throwing', async () => {
    const { adapter, stored } = await setUp({ settings: { port: 'telnet' } });
    await adapter.start();
    expect(adapter.status().state).toBe('failed');
    expect(await stored()).toMatchObject({ state: 'failed', stateDetail: expect.stringContaining('settings.port') });
  });

  it('stops while waiting to reconnect without connecting again', async () => {
    const { sim, adapter, waitForState } = await setUp({
      settings: { reconnectInitialMs: 1500, reconnectMaxMs: 1500 },
    });
    await adapter.start();
    await waitForState('connected');
    sim.dropConnections();
    await waitForState('reconnecting');
    await adapter.stop();
    // Past the moment the reconnect would have fired; the wait is long enough that a busy machine does not reconnect before stop().
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(sim.connections).toBe(1);
    expect(adapter.status().state).toBe('disabled');
  });
});
