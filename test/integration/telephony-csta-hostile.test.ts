import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame, EVENT_INVOKE_ID } from '@server/integrations/csta/framing';
import { telephonyConnections, telephonyExtensions } from '@server/modules/telephony/tables';
import { createTestApp, type TestApp, type TestClient } from '../support/app';
import { CstaSimulator } from '../support/csta-simulator';

/**
 * A PBX (or whatever answers on its port) sending what no PBX should: the
 * link logs and skips it, stays up, and the next real call still pops up in
 * the app, which goes on answering HTTP throughout.
 */
let t: TestApp;
let sim: CstaSimulator;
let advisor: TestClient & { userId: string };
let nextCall = 7000;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const liveCalls = async () => (await advisor.get('/api/calls/live')).json().items as Array<{ id: string }>;

/** A real call rings the advisor, shows in the app, and ends again. */
async function nextCallStillPops() {
  const call = sim.inboundCall({ from: 'N<+492118840100>;noa=nk', device: '21', callId: String(nextCall++) });
  call.deliver();
  await until(liveCalls, (calls) => calls.length === 1, 'the call after the hostile input');
  call.clear();
  await until(liveCalls, (calls) => calls.length === 0, 'the end of that call');
  expect(sim.connections).toBe(1);
  expect((await advisor.get('/api/health')).statusCode).toBe(200);
}

const eventFrame = (xml: string) => encodeFrame(EVENT_INVOKE_ID, xml);
const nested = (depth: number, closed = true) =>
  `<DeliveredEvent><monitorCrossRefID>X1</monitorCrossRefID>${'<a>'.repeat(depth)}${closed ? '</a>'.repeat(depth) : ''}${
    closed ? '</DeliveredEvent>' : ''
  }`;

beforeAll(async () => {
  t = await createTestApp();
  advisor = await t.userWithRole('service');
  sim = await new CstaSimulator({ requireSession: true }).start();
  const [connection] = await t.database.db
    .insert(telephonyConnections)
    .values({
      provider: 'csta',
      name: 'OpenScape Essen',
      locationId: t.location.id,
      settings: { host: '127.0.0.1', port: sim.port, applicationSession: true, userId: 'crm', reconnectInitialMs: 20 },
      secret: 'pbx-password',
    })
    .returning();
  await t.database.db
    .insert(telephonyExtensions)
    .values({ connectionId: connection!.id, extension: '21', userId: advisor.userId });
  await t.services.telephony.adapters.startAll();
  await sim.waitForMonitors(['21']);
});
afterAll(async () => {
  await t.close();
  await sim.stop();
});

describe('CSTA link under hostile input', () => {
  it('skips an event nested more than 100 elements deep', async () => {
    sim.broadcast(eventFrame(nested(101)));
    await nextCallStillPops();
  });

  it('skips events nested thousands deep, well-formed or not', async () => {
    // A frame holds at most 64 KB: 9,000 levels closed, 10,000 left open.
    sim.broadcast(eventFrame(nested(9000)));
    sim.broadcast(eventFrame(nested(10_000, false)));
    await nextCallStillPops();
  });

  it('skips bytes that are no frame at all', async () => {
    sim.sendGarbage(Buffer.from('\u0000\u0000\u00ff\u00ffGET / HTTP/1.1\r\n\r\n\u0001\u0002', 'latin1'));
    sim.sendGarbage();
    await nextCallStillPops();
  });

  it('does not wait for the rest of a frame whose header announces a huge length', async () => {
    const header = Buffer.from([0, 0, 0xff, 0xff, 0x39, 0x39, 0x39, 0x39, 0x3c]);
    sim.broadcast(Buffer.concat([header, Buffer.from('DeliveredEvent>')]));
    await nextCallStillPops();
  });

  it('reads a message with invalid UTF-8 and goes on', async () => {
    const bad = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
    const xml = Buffer.concat([
      Buffer.from('<CallInformationEvent><monitorCrossRefID>X1</monitorCrossRefID><accountInfo>'),
      bad,
      Buffer.from('</accountInfo></CallInformationEvent>'),
    ]);
    const frame = Buffer.alloc(8 + xml.length);
    frame.writeUInt16BE(frame.length, 2);
    frame.write(EVENT_INVOKE_ID, 4, 'ascii');
    xml.copy(frame, 8);
    sim.broadcast(frame);
    await nextCallStillPops();
  });

  it('ignores an unknown event and an event without call ids', async () => {
    sim.sendUnknown();
    sim.broadcast(
      eventFrame(
        '<DeliveredEvent><monitorCrossRefID>X1</monitorCrossRefID><connection><deviceID>21</deviceID></connection>' +
          '<alertingDevice><deviceIdentifier>21</deviceIdentifier></alertingDevice></DeliveredEvent>',
      ),
    );
    sim.broadcast(eventFrame('<ConnectionClearedEvent><cause>normalClearing</cause></ConnectionClearedEvent>'));
    await nextCallStillPops();
  });
});
