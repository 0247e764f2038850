import type { TelephonyProvider } from '@shared/telephony/enums';
import type { Deps } from '@server/deps';
import type { EventBus, Unsubscribe } from '@server/modules/notifications';
import { CONNECTIONS_CHANNEL, type ConnectionsChanged } from './admin/connections';
import type { CallEventSink, ConnectionStatus, TelephonyAdapter } from './ports';
import * as repo from './repo';

/** Builds the adapter of one configured connection. Push-only providers without an API need none. */
export type AdapterFactory = (connection: repo.ConnectionRow, sink: CallEventSink, deps: Deps) => TelephonyAdapter;

const factories = new Map<TelephonyProvider, AdapterFactory>();

/** Each provider's module plugs its adapter in here when it is loaded. */
export function registerAdapterFactory(provider: TelephonyProvider, factory: AdapterFactory): void {
  factories.set(provider, factory);
}

/** Whether an adapter can place calls (click-to-call); adapters say so with `canDial`, default yes. */
export const canDial = (adapter: TelephonyAdapter | undefined): adapter is TelephonyAdapter =>
  adapter !== undefined && adapter.canDial !== false;

const isChange = (payload: unknown): payload is ConnectionsChanged =>
  typeof payload === 'object' && payload !== null && typeof (payload as ConnectionsChanged).connectionId === 'string';

/**
 * The running adapters of this process, one per enabled connection whose
 * provider has a factory. Started when the server starts, stopped when it
 * shuts down. Once started it follows the admin's changes to connections
 * (from any process, through the event bus), so a PBX link moves to a new
 * host or stops without a server restart.
 */
export class AdapterRegistry {
  private readonly running = new Map<string, TelephonyAdapter>();
  /** Per connection, the restart in progress: changes in quick succession apply in order. */
  private readonly restarts = new Map<string, Promise<void>>();
  private unsubscribe: Unsubscribe | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly sink: CallEventSink,
    private readonly events: EventBus,
  ) {}

  async startAll(): Promise<void> {
    // Listening first: a change saved while the adapters start is not missed (restart reads the row anew).
    this.unsubscribe ??= await this.events.subscribe(CONNECTIONS_CHANNEL, (payload) => {
      if (!isChange(payload)) return;
      if (payload.change === 'extensions')
        void this.queue(payload.connectionId, () => this.devicesChanged(payload.connectionId));
      else void this.queueRestart(payload.connectionId);
    });
    const connections = await repo.enabledConnections(this.deps.db);
    await Promise.all(connections.map((connection) => this.startOne(connection)));
  }

  async stopAll(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await Promise.all(this.restarts.values());
    const adapters = [...this.running.values()];
    this.running.clear();
    await Promise.all(adapters.map((adapter) => this.stopQuietly(adapter)));
  }

  /** Waits for the restarts that changes to connections have set off; for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.restarts.size > 0) await Promise.all(this.restarts.values());
  }

  private queueRestart(connectionId: string): Promise<void> {
    return this.queue(connectionId, () => this.restart(connectionId));
  }

  /** Changes to one connection apply in the order they were made. */
  private queue(connectionId: string, change: () => Promise<void>): Promise<void> {
    const previous = this.restarts.get(connectionId) ?? Promise.resolve();
    const next = previous
      .then(change)
      .catch((err: unknown) => this.deps.log.error({ err, connectionId }, 'telephony adapter could not be restarted'))
      .finally(() => {
        if (this.restarts.get(connectionId) === next) this.restarts.delete(connectionId);
      });
    this.restarts.set(connectionId, next);
    return next;
  }

  /** Stops the connection's adapter and starts it again from the stored settings (if still enabled). */
  async restart(connectionId: string): Promise<void> {
    const current = this.running.get(connectionId);
    if (current) {
      this.running.delete(connectionId);
      await this.stopQuietly(current);
    }
    const connection = await repo.findConnection(this.deps.db, connectionId);
    if (connection?.enabled) await this.startOne(connection);
  }

  /** The connection's extensions changed: its running adapter follows (CSTA starts and stops monitors). */
  async devicesChanged(connectionId: string): Promise<void> {
    await this.running.get(connectionId)?.devicesChanged?.();
  }

  adapterFor(connectionId: string): TelephonyAdapter | undefined {
    return this.running.get(connectionId);
  }

  statusOf(connectionId: string): ConnectionStatus | null {
    return this.running.get(connectionId)?.status() ?? null;
  }

  private async startOne(connection: repo.ConnectionRow): Promise<void> {
    const factory = factories.get(connection.provider);
    if (!factory || this.running.has(connection.id)) return;
    try {
      const adapter = factory(connection, this.sink, this.deps);
      this.running.set(connection.id, adapter);
      await adapter.start();
    } catch (err) {
      this.deps.log.error({ err, connectionId: connection.id }, 'telephony adapter could not be started');
    }
  }

  private async stopQuietly(adapter: TelephonyAdapter): Promise<void> {
    try {
      await adapter.stop();
    } catch (err) {
      this.deps.log.warn({ err, connectionId: adapter.connectionId }, 'telephony adapter did not stop cleanly');
    }
  }
}
