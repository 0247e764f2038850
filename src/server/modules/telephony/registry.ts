import type { TelephonyProvider } from '../../../shared/telephony/enums';
import type { Deps } from '../../deps';
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

/**
 * The running adapters of this process, one per enabled connection whose
 * provider has a factory. Started when the server starts, stopped when it
 * shuts down; restart() after an admin changed a connection.
 */
export class AdapterRegistry {
  private readonly running = new Map<string, TelephonyAdapter>();

  constructor(
    private readonly deps: Deps,
    private readonly sink: CallEventSink,
  ) {}

  async startAll(): Promise<void> {
    const connections = await repo.enabledConnections(this.deps.db);
    await Promise.all(connections.map((connection) => this.startOne(connection)));
  }

  async stopAll(): Promise<void> {
    const adapters = [...this.running.values()];
    this.running.clear();
    await Promise.all(adapters.map((adapter) => this.stopQuietly(adapter)));
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
