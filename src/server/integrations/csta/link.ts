import net from 'node:net';
import type { Logger } from 'pino';
import type { ConnectionState } from '@shared/telephony/enums';
import { DomainError } from '@server/http/errors';
import { encodeFrame, EVENT_INVOKE_ID, FrameDecoder, InvokeIds, MAX_FRAME_BYTES } from './framing';
import { errorOf, readMonitorCrossRefId, readSessionDuration, readSessionStarted, requests } from './messages';
import { parseXml, SESSION_NAMESPACE, writeXml, type XmlElement, type XmlNode } from './xml';

/** A negative answer of the PBX (CSTAErrorCode, …NegResponse): the phone system said no. */
export class CstaRequestError extends DomainError {
  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(502, 'pbx-refused', `The PBX refused ${operation}: ${reason}`);
  }
}

export class CstaLinkDownError extends DomainError {
  constructor(message = 'The CSTA link to the PBX is not connected') {
    super(503, 'pbx-unavailable', message);
  }
}

export class CstaTimeoutError extends DomainError {
  constructor(operation: string, timeoutMs: number) {
    super(504, 'pbx-timeout', `The PBX did not answer ${operation} within ${timeoutMs} ms`);
  }
}

export interface CstaLinkOptions {
  host: string;
  port: number;
  session: {
    applicationId: string;
    protocolVersions: string[];
    durationSeconds: number;
    userId: string | null;
    password: string | null;
  } | null;
  /** Namespace of CSTA requests until the session names the PBX's edition. */
  namespace: string;
  requestTimeoutMs: number;
  reconnect: { initialMs: number; maxMs: number; failAfterAttempts: number };
  /** The devices to monitor, asked afresh on every (re)connect so admin changes take effect. */
  devices(): Promise<string[]>;
  onEvent(root: XmlNode): void;
  onState(state: ConnectionState, detail: string | null): void;
  log: Logger;
  random?: () => number;
}

interface Pending {
  operation: string;
  resolve(root: XmlNode): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

// Garbage after which the stream is not worth resynchronising.
const MAX_GARBAGE_BYTES = MAX_FRAME_BYTES;

/**
 * One TCP link to the PBX: connects, starts the application session when the
 * PBX wants one and keeps it alive, monitors every device, answers the PBX's
 * status polls, and starts over with back-off whenever the link breaks.
 */
export class CstaLink {
  private socket: net.Socket | null = null;
  private readonly invokeIds = new InvokeIds();
  private readonly pending = new Map<string, Pending>();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private keepAliveTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private ready = false;
  private attempts = 0;
  private wasConnected = false;
  private namespace: string;
  private sessionId: string | null = null;
  private closeReason: { detail: string; fatal: boolean } | null = null;
  private closed: Promise<void> = Promise.resolve();
  /** monitorCrossRefID per monitored device of the current link. */
  readonly monitors = new Map<string, string>();
  /** Monitor changes after set-up, one after the other. */
  private monitorSync: Promise<void> = Promise.resolve();

  constructor(private readonly options: CstaLinkOptions) {
    this.namespace = options.namespace;
  }

  get connected(): boolean {
    return this.ready;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempts = 0;
    this.wasConnected = false;
    this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return this.closed;
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    if (socket && this.ready && this.sessionId) {
      // Courtesy to the PBX so it frees the session at once; not worth waiting long for.
      await this.request(requests.stopApplicationSession(this.sessionId), SESSION_NAMESPACE, 1000).catch(() => {});
    }
    socket?.destroy();
    await this.closed;
  }

  /** Sends a request and resolves with the PBX's positive answer; a CSTA error rejects. */
  request(
    message: XmlElement,
    namespace: string = this.namespace,
    timeoutMs = this.options.requestTimeoutMs,
  ): Promise<XmlNode> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new CstaLinkDownError());
    const invokeId = this.invokeIds.next();
    let frame: Buffer;
    try {
      frame = encodeFrame(invokeId, writeXml(message, { namespace }));
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<XmlNode>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(invokeId);
        reject(new CstaTimeoutError(message.element, timeoutMs));
      }, timeoutMs);
      this.pending.get(invokeId)?.reject(new Error('invoke id reused before an answer came'));
      this.pending.set(invokeId, { operation: message.element, resolve, reject, timer });
      socket.write(frame);
    });
  }

  /**
   * Brings the monitors of a running link in line with the devices now configured: starts
   * the new ones, stops the removed ones, without reconnecting. A link not yet set up reads
   * the devices itself when it is; a device the PBX refuses is logged and left out.
   */
  syncMonitors(devices: string[]): Promise<void> {
    const next = this.monitorSync.then(async () => {
      if (!this.ready) return;
      const wanted = new Set(devices);
      for (const [device, crossRefId] of [...this.monitors]) {
        if (wanted.has(device)) continue;
        this.monitors.delete(device);
        await this.request(requests.monitorStop(crossRefId)).catch((error: unknown) =>
          this.options.log.warn({ device, err: error }, 'CSTA: MonitorStop failed'),
        );
      }
      for (const device of wanted) {
        if (this.monitors.has(device) || !this.ready) continue;
        try {
          const crossRefId = readMonitorCrossRefId(await this.request(requests.monitorStart(device)));
          if (!crossRefId) throw new Error('no monitorCrossRefID in the answer');
          this.monitors.set(device, crossRefId);
        } catch (error) {
          this.options.log.warn({ device, err: error }, 'CSTA: MonitorStart failed');
        }
      }
    });
    this.monitorSync = next.catch(() => {});
    return this.monitorSync;
  }

  /** For requests that only make sense on a link that finished its set-up (MakeCall). */
  requestWhenReady(message: XmlElement): Promise<XmlNode> {
    if (!this.ready) return Promise.reject(new CstaLinkDownError());
    return this.request(message);
  }

  private connect(): void {
    this.attempts += 1;
    this.closeReason = null;
    // Later attempts keep showing why the previous one failed until one succeeds.
    if (this.attempts === 1 && !this.wasConnected) this.options.onState('connecting', `connecting to ${this.address}`);
    let socket: net.Socket;
    try {
      socket = net.connect({ host: this.options.host, port: this.options.port });
    } catch (error) {
      // A host or port Node refuses outright: try again later like any failed attempt.
      this.closeReason = { detail: (error as Error).message, fatal: true };
      this.afterClose();
      return;
    }
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(this.options.requestTimeoutMs);
    let resolveClosed!: () => void;
    this.closed = new Promise((resolve) => (resolveClosed = resolve));

    const decoder = new FrameDecoder();
    let garbage = 0;
    socket.on(
      'timeout',
      this.contained('connect timeout', () => {
        // Only the TCP connect is bounded this way; once up, silence is normal.
        if (socket.connecting) this.drop(socket, `no answer from ${this.address}`);
      }),
    );
    socket.on(
      'connect',
      this.contained('connect', () => {
        socket.setTimeout(0);
        socket.setKeepAlive(true, 30_000);
        void this.setUp(socket);
      }),
    );
    socket.on(
      'data',
      this.contained('data', (chunk: Buffer) => {
        const { frames, skippedBytes } = decoder.push(chunk);
        if (skippedBytes > 0) {
          garbage += skippedBytes;
          this.options.log.warn({ skippedBytes }, 'CSTA: skipped bytes that do not form a frame');
          if (garbage > MAX_GARBAGE_BYTES) this.drop(socket, 'the PBX sends data that is not CSTA framing');
        }
        for (const frame of frames) {
          garbage = 0;
          if (socket.destroyed) return;
          // One message that cannot be handled costs that message, not the others in the chunk.
          this.contained('message', () => this.receive(socket, frame.invokeId, frame.xml))();
        }
      }),
    );
    socket.on('error', (error) => {
      this.closeReason ??= { detail: error.message, fatal: false };
    });
    socket.on(
      'close',
      this.contained('close', () => {
        resolveClosed();
        if (this.socket === socket) this.socket = null;
        this.afterClose();
      }),
    );
  }

  /**
   * A socket or timer callback that logs what it throws instead of letting it
   * reach the event loop, where it would end the whole server process.
   */
  private contained<A extends unknown[]>(what: string, handler: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        handler(...args);
      } catch (error) {
        this.options.log.error({ err: error }, `CSTA: ${what} handler failed; the message is skipped`);
      }
    };
  }

  private get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  private async setUp(socket: net.Socket): Promise<void> {
    try {
      if (this.options.session) await this.startSession(this.options.session);
      const devices = [...new Set(await this.options.devices())];
      const refused: string[] = [];
      for (const device of devices) {
        try {
          const crossRefId = readMonitorCrossRefId(await this.request(requests.monitorStart(device)));
          if (!crossRefId) throw new Error('no monitorCrossRefID in the answer');
          this.monitors.set(device, crossRefId);
        } catch (error) {
          // One unknown device must not keep the others from being monitored.
          if (error instanceof CstaLinkDownError || socket.destroyed) throw error;
          refused.push(`${device} (${(error as Error).message})`);
          this.options.log.warn({ device, err: error }, 'CSTA: MonitorStart failed');
        }
      }
      if (socket.destroyed) return;
      this.ready = true;
      this.wasConnected = true;
      this.attempts = 0;
      const monitored = `monitoring ${this.monitors.size} of ${devices.length} devices`;
      this.options.onState(
        'connected',
        refused.length ? `${monitored}; not monitored: ${refused.join(', ')}` : monitored,
      );
    } catch (error) {
      if (socket.destroyed) return;
      const fatal = error instanceof CstaRequestError;
      this.drop(socket, (error as Error).message, fatal);
    }
  }

  private async startSession(session: NonNullable<CstaLinkOptions['session']>): Promise<void> {
    const answer = await this.request(
      requests.startApplicationSession({
        applicationId: session.applicationId,
        protocolVersions: session.protocolVersions,
        sessionDurationSeconds: session.durationSeconds,
        userId: session.userId,
        password: session.password,
      }),
      SESSION_NAMESPACE,
    );
    const started = readSessionStarted(answer);
    if (!started) throw new Error(`unexpected answer to StartApplicationSession: ${answer.name}`);
    this.sessionId = started.sessionId;
    if (started.protocolVersion) this.namespace = started.protocolVersion;
    this.scheduleKeepAlive(started.durationSeconds ?? session.durationSeconds, session.durationSeconds);
  }

  /** Resets the session timer halfway through, so one lost answer still leaves time. */
  private scheduleKeepAlive(actualSeconds: number, requestedSeconds: number): void {
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = setTimeout(
      this.contained('keep-alive', () => {
        this.keepAliveTimer = null;
        const socket = this.socket;
        const sessionId = this.sessionId;
        if (!socket || !sessionId) return;
        const timeoutMs = Math.min(this.options.requestTimeoutMs, (actualSeconds * 1000) / 2);
        this.request(requests.resetApplicationSessionTimer(sessionId, requestedSeconds), SESSION_NAMESPACE, timeoutMs)
          .then((answer) => this.scheduleKeepAlive(readSessionDuration(answer) ?? actualSeconds, requestedSeconds))
          .catch((error: Error) => {
            if (!socket.destroyed) this.drop(socket, `session keep-alive failed: ${error.message}`);
          });
      }),
      (actualSeconds * 1000) / 2,
    );
  }

  private receive(socket: net.Socket, invokeId: string, xml: string): void {
    const parsed = parseXml(xml);
    if (!parsed.ok) {
      this.options.log.warn(
        { invokeId, error: parsed.error, xml: xml.slice(0, 500) },
        'CSTA: malformed message ignored',
      );
      return;
    }
    const root = parsed.root;
    if (root.name === 'SystemStatus' || root.name === 'SystemRegister') {
      socket.write(encodeFrame(invokeId, writeXml(requests.systemStatusResponse(), { namespace: this.namespace })));
      return;
    }
    const waiting = invokeId === EVENT_INVOKE_ID ? undefined : this.pending.get(invokeId);
    if (waiting) {
      this.pending.delete(invokeId);
      clearTimeout(waiting.timer);
      const error = errorOf(root);
      if (error) waiting.reject(new CstaRequestError(waiting.operation, error));
      else waiting.resolve(root);
      return;
    }
    if (root.name === 'StopApplicationSession') {
      this.drop(socket, 'the PBX ended the application session');
      return;
    }
    if (root.name.endsWith('Event')) {
      try {
        this.options.onEvent(root);
      } catch (error) {
        this.options.log.error({ err: error, event: root.name }, 'CSTA: event handling failed');
      }
      return;
    }
    this.options.log.info({ invokeId, message: root.name }, 'CSTA: unknown message ignored');
  }

  private drop(socket: net.Socket, detail: string, fatal = false): void {
    this.closeReason = { detail, fatal };
    socket.destroy();
  }

  private afterClose(): void {
    this.ready = false;
    this.sessionId = null;
    this.namespace = this.options.namespace;
    this.monitors.clear();
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = null;
    for (const [invokeId, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new CstaLinkDownError('The CSTA link closed before the PBX answered'));
      this.pending.delete(invokeId);
    }
    if (this.stopped) return;
    const reason = this.closeReason?.detail ?? 'the PBX closed the connection';
    const delay = this.backoff();
    const failed = this.closeReason?.fatal || this.attempts >= this.options.reconnect.failAfterAttempts;
    this.options.onState(failed ? 'failed' : 'reconnecting', `${reason}; retrying in ${formatDelay(delay)}`);
    this.reconnectTimer = setTimeout(
      this.contained('reconnect', () => {
        this.reconnectTimer = null;
        if (!this.stopped) this.connect();
      }),
      delay,
    );
  }

  private backoff(): number {
    const { initialMs, maxMs } = this.options.reconnect;
    const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, this.attempts - 1));
    const jitter = 1 + 0.2 * ((this.options.random ?? Math.random)() * 2 - 1);
    return Math.max(1, Math.round(Math.min(maxMs, base * jitter)));
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    this.reconnectTimer = null;
    this.keepAliveTimer = null;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
