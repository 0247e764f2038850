import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { encodeFrame, EVENT_INVOKE_ID, FrameDecoder } from '@server/integrations/csta/framing';
import {
  child,
  childText,
  CSTA_NAMESPACES,
  type CstaEdition,
  el,
  parseXml,
  SESSION_NAMESPACE,
  writeXml,
  type XmlContent,
  type XmlElement,
  type XmlNode,
} from '@server/integrations/csta/xml';
import { deviceIdOf } from '@server/integrations/csta/device-id';

/** Which namespace the simulated PBX writes: an ECMA-323 edition, or none at all. */
export type SimulatorEdition = CstaEdition | 'none';

export interface CstaSimulatorOptions {
  edition?: SimulatorEdition;
  /** Writes `prefix:Element` with xmlns:prefix instead of a default namespace. */
  prefix?: string;
  /** MonitorStart before StartApplicationSession is refused, as PBXs with sessions do. */
  requireSession?: boolean;
  /** The actualSessionDuration the PBX grants; the requested one when unset. */
  sessionDurationSeconds?: number;
  /** Devices the PBX does not know: MonitorStart and MakeCall for them get a CSTAErrorCode. */
  unknownDevices?: string[];
}

export interface ReceivedMessage {
  invokeId: string;
  name: string;
  root: XmlNode;
  xml: string;
  /** Which connection (counted from 1) it came on. */
  connection: number;
}

/**
 * A CSTA Phase III PBX on loopback for tests: a real TCP server speaking the
 * ECMA-323 framing and XML. It answers sessions, monitors and MakeCall, and
 * plays scripted calls to the monitored devices.
 */
export class CstaSimulator {
  readonly received: ReceivedMessage[] = [];
  /** Frames from the client that were not well-formed XML: a test fails on any. */
  readonly clientErrors: string[] = [];
  /** monitorCrossRefID per device, for the current connections. */
  readonly monitors = new Map<string, string>();
  port = 0;
  connections = 0;
  sessionResets = 0;
  sessionsExpired = 0;
  refusing = false;
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  private nextCrossRef = 1;
  private nextCall = 100;
  private nextSession = 1;
  private nextInvoke = 5000;
  private sessionOpen = new WeakSet<net.Socket>();
  /** A session the client does not reset in time ends, and the PBX closes the link. */
  private sessionExpiry = new Map<net.Socket, NodeJS.Timeout>();
  private readonly options: Required<Omit<CstaSimulatorOptions, 'prefix' | 'sessionDurationSeconds'>> &
    Pick<CstaSimulatorOptions, 'prefix' | 'sessionDurationSeconds'>;

  constructor(options: CstaSimulatorOptions = {}) {
    this.options = { edition: 'ed3', requireSession: false, unknownDevices: [], ...options };
  }

  async start(): Promise<this> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Closes every client connection, as a PBX restart or a network outage would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.monitors.clear();
  }

  /** While set, connections are accepted and closed at once. */
  refuseConnections(refuse: boolean): void {
    this.refusing = refuse;
  }

  get namespace(): string | null {
    return this.options.edition === 'none' ? null : CSTA_NAMESPACES[this.options.edition];
  }

  /** Messages of one kind the client sent, in order. */
  messages(name: string): ReceivedMessage[] {
    return this.received.filter((m) => m.name === name);
  }

  /** Waits until every device is monitored on the current connection. */
  waitForMonitors(devices: string[], timeoutMs = 3000): Promise<void> {
    return this.until(
      () => devices.every((d) => this.monitors.has(d)),
      timeoutMs,
      `monitors for ${devices.join(', ')}`,
    );
  }

  async waitForMessage(name: string, count = 1, timeoutMs = 3000): Promise<ReceivedMessage> {
    await this.until(() => this.messages(name).length >= count, timeoutMs, `${count} × ${name}`);
    return this.messages(name)[count - 1]!;
  }

  async until(condition: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`CSTA simulator: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Sends an event to the monitors of the given devices (once per monitored device). */
  sendEvent(name: string, devices: string[], body: (crossRefId: string) => XmlContent): void {
    const crossRefs = [...new Set(devices.map((d) => this.monitors.get(d)).filter((c): c is string => Boolean(c)))];
    if (crossRefs.length === 0) throw new Error(`CSTA simulator: none of ${devices.join(', ')} is monitored`);
    for (const crossRefId of crossRefs) {
      this.broadcast(
        encodeFrame(EVENT_INVOKE_ID, this.write(el(name, el('monitorCrossRefID', crossRefId), body(crossRefId)))),
      );
    }
  }

  /**
   * An event under a monitor the client never started, as a PBX sends when monitors of
   * another application or a stale cross-reference get mixed up.
   */
  sendForeignEvent(name: string, crossRefId: string, body: XmlContent): void {
    this.broadcast(encodeFrame(EVENT_INVOKE_ID, this.write(el(name, el('monitorCrossRefID', crossRefId), body))));
  }

  /** A call alerting at a device nobody asked to monitor, under a cross-reference of no monitor of ours. */
  deliverUnmonitored(input: { from: string; device: string; callId: string; crossRefId?: string }): void {
    this.sendForeignEvent('DeliveredEvent', input.crossRefId ?? 'FOREIGN-1', [
      connection('connection', input.callId, input.device),
      el('alertingDevice', device(input.device)),
      el('callingDevice', device(input.from)),
      el('calledDevice', device(input.device)),
      el('localConnectionInfo', 'alerting'),
      el('cause', 'newCall'),
    ]);
  }

  /** Plays an inbound call from an outside number to one of our devices, step by step. */
  inboundCall(input: { from: string; device: string; called?: string; callId?: string }): InboundCall {
    return new InboundCall(
      this,
      input.callId ?? String(this.nextCall++),
      input.from,
      input.device,
      input.called ?? input.device,
    );
  }

  /** A caller rings a device and hangs up before anybody answers. */
  missedCall(input: { from: string; device: string; called?: string; callId?: string }): InboundCall {
    const call = this.inboundCall(input);
    call.deliver().clear({ releasing: input.from, cause: 'normalClearing' });
    return call;
  }

  /** A frame whose XML is not well-formed. */
  sendMalformed(): void {
    this.broadcast(encodeFrame(EVENT_INVOKE_ID, '<DeliveredEvent><connection><callID>1</callID></DeliveredEvent>'));
  }

  /** A well-formed message no adapter knows. */
  sendUnknown(): void {
    this.broadcast(encodeFrame(EVENT_INVOKE_ID, this.write(el('VendorSpecificNotice', el('detail', 'firmware 7.1')))));
    this.broadcast(encodeFrame('0077', this.write(el('SomethingNewRequest', el('x', '1')))));
  }

  /** Bytes that are no frame at all. */
  sendGarbage(bytes: Buffer = Buffer.from('\x01\x02HELLO PBX\r\n\xff\xfe', 'latin1')): void {
    this.broadcast(bytes);
  }

  /** Writes the bytes in pieces of the given sizes, each its own TCP segment. */
  async sendSplit(bytes: Buffer, pieceSizes: number[]): Promise<void> {
    let offset = 0;
    for (const size of [...pieceSizes, Number.POSITIVE_INFINITY]) {
      if (offset >= bytes.length) break;
      this.broadcast(bytes.subarray(offset, offset + size));
      offset += size;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** An event frame as the simulator would send it, for split and batched delivery. */
  eventFrame(name: string, device: string, body: XmlContent): Buffer {
    const crossRefId = this.monitors.get(device);
    if (!crossRefId) throw new Error(`CSTA simulator: ${device} is not monitored`);
    return encodeFrame(EVENT_INVOKE_ID, this.write(el(name, el('monitorCrossRefID', crossRefId), body)));
  }

  /** Polls the client as PBXs do; resolves once the client answered. */
  async systemStatus(): Promise<ReceivedMessage> {
    const invokeId = String(this.nextInvoke++);
    this.broadcast(encodeFrame(invokeId, this.write(el('SystemStatus', el('systemStatus', 'normal')))));
    await this.until(() => this.received.some((m) => m.invokeId === invokeId), 3000, 'SystemStatusResponse');
    return this.received.find((m) => m.invokeId === invokeId)!;
  }

  write(root: XmlElement, namespace: string | null = this.namespace): string {
    return writeXml(root, { namespace, prefix: this.options.prefix });
  }

  broadcast(bytes: Buffer): void {
    for (const socket of this.sockets) socket.write(bytes);
  }

  private accept(socket: net.Socket): void {
    if (this.refusing) {
      socket.destroy();
      return;
    }
    const connection = ++this.connections;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk).frames) {
        const parsed = parseXml(frame.xml);
        if (!parsed.ok) {
          this.clientErrors.push(`${frame.invokeId}: ${parsed.error}`);
          continue;
        }
        this.received.push({
          invokeId: frame.invokeId,
          name: parsed.root.name,
          root: parsed.root,
          xml: frame.xml,
          connection,
        });
        this.answer(socket, frame.invokeId, parsed.root);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(this.sessionExpiry.get(socket));
      this.sessionExpiry.delete(socket);
      this.sockets.delete(socket);
      if (this.sockets.size === 0) this.monitors.clear();
    });
  }

  private expireSessionAfter(socket: net.Socket, seconds: number): void {
    clearTimeout(this.sessionExpiry.get(socket));
    this.sessionExpiry.set(
      socket,
      setTimeout(() => {
        this.sessionsExpired += 1;
        socket.destroy();
      }, seconds * 1000),
    );
  }

  private reply(
    socket: net.Socket,
    invokeId: string,
    root: XmlElement,
    namespace: string | null = this.namespace,
  ): void {
    socket.write(encodeFrame(invokeId, this.write(root, namespace)));
  }

  private refuse(socket: net.Socket, invokeId: string, category: string, value: string): void {
    this.reply(socket, invokeId, el('CSTAErrorCode', el(category, value)));
  }

  private answer(socket: net.Socket, invokeId: string, root: XmlNode): void {
    const sessionNs = this.options.edition === 'none' ? null : SESSION_NAMESPACE;
    switch (root.name) {
      case 'StartApplicationSession': {
        const requested = child(root, 'requestedProtocolVersions')?.children.map((c) => c.text) ?? [];
        const version = this.namespace ?? requested[0] ?? CSTA_NAMESPACES.ed3;
        const duration =
          this.options.sessionDurationSeconds ?? Number(childText(root, 'requestedSessionDuration') ?? 180);
        this.sessionOpen.add(socket);
        this.expireSessionAfter(socket, duration);
        this.reply(
          socket,
          invokeId,
          el(
            'StartApplicationSessionPosResponse',
            el('sessionID', `session-${this.nextSession++}`),
            el('actualProtocolVersion', version),
            el('actualSessionDuration', String(duration)),
          ),
          sessionNs,
        );
        return;
      }
      case 'ResetApplicationSessionTimer':
        this.sessionResets += 1;
        this.expireSessionAfter(socket, this.options.sessionDurationSeconds ?? 180);
        this.reply(
          socket,
          invokeId,
          el(
            'ResetApplicationSessionTimerPosResponse',
            el('actualSessionDuration', String(this.options.sessionDurationSeconds ?? 180)),
          ),
          sessionNs,
        );
        return;
      case 'StopApplicationSession':
        this.reply(socket, invokeId, el('StopApplicationSessionPosResponse', ''), sessionNs);
        return;
      case 'MonitorStart': {
        const device = deviceIdOf(child(root, 'monitorObject')) ?? '';
        if (this.options.requireSession && !this.sessionOpen.has(socket)) {
          return this.refuse(socket, invokeId, 'securityError', 'sequenceNumberViolated');
        }
        if (this.options.unknownDevices.includes(device)) {
          return this.refuse(socket, invokeId, 'operation', 'invalidMonitorObject');
        }
        const crossRefId = `X${this.nextCrossRef++}`;
        this.monitors.set(device, crossRefId);
        this.reply(
          socket,
          invokeId,
          el('MonitorStartResponse', el('monitorCrossRefID', crossRefId), el('actualMonitorFilter', '')),
        );
        return;
      }
      case 'MakeCall': {
        const calling = childText(root, 'callingDevice') ?? '';
        const called = childText(root, 'calledDirectoryNumber') ?? '';
        if (this.options.unknownDevices.includes(calling) || calling === '') {
          return this.refuse(socket, invokeId, 'operation', 'invalidCallingDevice');
        }
        const callId = String(this.nextCall++);
        this.reply(
          socket,
          invokeId,
          el(
            'MakeCallResponse',
            el('callingDevice', el('callID', callId), el('deviceID', calling)),
            el('calledDevice', el('deviceIdentifier', called)),
          ),
        );
        if (this.monitors.has(calling)) new OutboundCall(this, callId, calling, called).play();
        return;
      }
      case 'MonitorStop': {
        const crossRefId = childText(root, 'monitorCrossRefID');
        for (const [device, id] of this.monitors) if (id === crossRefId) this.monitors.delete(device);
        this.reply(socket, invokeId, el('MonitorStopResponse', ''));
        return;
      }
      case 'SystemStatusResponse':
        return;
      default:
        this.refuse(socket, invokeId, 'operation', 'requestIncompatibleWithObject');
    }
  }
}

const device = (id: string | null): XmlElement => (id === null ? el('notKnown') : el('deviceIdentifier', id));
const connection = (name: string, callId: string, deviceId: string) =>
  el(name, el('callID', callId), el('deviceID', deviceId));

/** One scripted inbound call; each step sends the events a PBX sends for it. */
export class InboundCall {
  constructor(
    private readonly sim: CstaSimulator,
    public callId: string,
    readonly from: string,
    public device: string,
    readonly called: string,
  ) {}

  /** Alerting at our device. */
  deliver(): this {
    this.sim.sendEvent('DeliveredEvent', [this.device], () => [
      connection('connection', this.callId, this.device),
      el('alertingDevice', device(this.device)),
      el('callingDevice', device(this.from)),
      el('calledDevice', device(this.called)),
      el('lastRedirectionDevice', el('notRequired')),
      el('localConnectionInfo', 'alerting'),
      el('cause', 'newCall'),
    ]);
    return this;
  }

  establish(): this {
    this.sim.sendEvent('EstablishedEvent', [this.device], () => [
      connection('establishedConnection', this.callId, this.device),
      el('answeringDevice', device(this.device)),
      el('callingDevice', device(this.from)),
      el('calledDevice', device(this.called)),
      el('lastRedirectionDevice', el('notRequired')),
      el('localConnectionInfo', 'connected'),
      el('cause', 'newCall'),
    ]);
    return this;
  }

  hold(): this {
    this.sim.sendEvent('HeldEvent', [this.device], () => [
      connection('heldConnection', this.callId, this.device),
      el('holdingDevice', device(this.device)),
      el('localConnectionInfo', 'hold'),
      el('cause', 'normal'),
    ]);
    return this;
  }

  retrieve(): this {
    this.sim.sendEvent('RetrievedEvent', [this.device], () => [
      connection('retrievedConnection', this.callId, this.device),
      el('retrievingDevice', device(this.device)),
      el('localConnectionInfo', 'connected'),
      el('cause', 'normal'),
    ]);
    return this;
  }

  /** Our device passes the call on after a consultation call; the PBX continues it under a new call id. */
  transfer(to: string, newCallId = `${this.callId}-T`): this {
    const oldCallId = this.callId;
    const from = this.device;
    this.sim.sendEvent('TransferedEvent', [from, to], () => [
      connection('primaryOldCall', oldCallId, from),
      connection('secondaryOldCall', newCallId, from),
      el('transferringDevice', device(from)),
      el('transferredToDevice', device(to)),
      el(
        'transferredConnections',
        el(
          'connectionListItem',
          el('newConnection', el('callID', newCallId), el('deviceID', to)),
          el('endpoint', device(to)),
        ),
      ),
      el('localConnectionInfo', 'null'),
      el('cause', 'transfer'),
    ]);
    this.callId = newCallId;
    this.device = to;
    return this;
  }

  /** The call is redirected while it rings (call forwarding, pick-up); the call id stays. */
  divert(to: string): this {
    const from = this.device;
    this.sim.sendEvent('DivertedEvent', [from, to], () => [
      connection('connection', this.callId, from),
      el('divertingDevice', device(from)),
      el('newDestination', device(to)),
      el('callingDevice', device(this.from)),
      el('calledDevice', device(this.called)),
      el('lastRedirectionDevice', device(from)),
      el('localConnectionInfo', 'null'),
      el('cause', 'redirected'),
    ]);
    this.device = to;
    return this;
  }

  clear(input: { releasing?: string; cause?: string } = {}): this {
    const releasing = input.releasing ?? this.from;
    this.sim.sendEvent('ConnectionClearedEvent', [this.device], () => [
      connection('droppedConnection', this.callId, releasing),
      el('releasingDevice', device(releasing)),
      el('localConnectionInfo', 'null'),
      el('cause', input.cause ?? 'normalClearing'),
    ]);
    return this;
  }
}

/** What a PBX reports on the calling device after MakeCall: it rings, dials, the customer answers. */
class OutboundCall {
  constructor(
    private readonly sim: CstaSimulator,
    private readonly callId: string,
    private readonly calling: string,
    private readonly called: string,
  ) {}

  play(): void {
    const { callId, calling, called } = this;
    this.sim.sendEvent('OriginatedEvent', [calling], () => [
      connection('originatedConnection', callId, calling),
      el('callingDevice', device(calling)),
      el('calledDevice', device(called)),
      el('localConnectionInfo', 'connected'),
      el('cause', 'newCall'),
    ]);
    this.sim.sendEvent('DeliveredEvent', [calling], () => [
      connection('connection', callId, called),
      el('alertingDevice', device(called)),
      el('callingDevice', device(calling)),
      el('calledDevice', device(called)),
      el('lastRedirectionDevice', el('notRequired')),
      el('localConnectionInfo', 'connected'),
      el('cause', 'normal'),
    ]);
    this.sim.sendEvent('EstablishedEvent', [calling], () => [
      connection('establishedConnection', callId, called),
      el('answeringDevice', device(called)),
      el('callingDevice', device(calling)),
      el('calledDevice', device(called)),
      el('lastRedirectionDevice', el('notRequired')),
      el('localConnectionInfo', 'connected'),
      el('cause', 'normal'),
    ]);
  }
}
