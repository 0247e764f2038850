import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import type { CallEvent, CallEventResult, CallEventSink } from '../../src/server/modules/telephony/ports';
import { callEvents } from '../../src/server/modules/telephony/tables';

/**
 * A sink that stores each event in call_events the way the call service does
 * (the table's unique key decides whether it is a repeat) and remembers every
 * delivery, so tests can assert on exactly what an adapter produced.
 */
export class CallEventCollector implements CallEventSink {
  readonly deliveries: Array<{ event: CallEvent; applied: boolean }> = [];
  private readonly ids = new Map<string, string>();

  constructor(private readonly db: Db) {}

  /** The events that changed something, in order. */
  get events(): CallEvent[] {
    return this.deliveries.filter((d) => d.applied).map((d) => d.event);
  }

  async handle(event: CallEvent): Promise<CallEventResult> {
    const rows = await this.db
      .insert(callEvents)
      .values({
        provider: event.provider,
        connectionId: event.connectionId,
        eventKey: event.eventKey,
        kind: event.kind,
        at: event.at,
        payload: event.payload ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: callEvents.id });
    const applied = rows.length > 0;
    this.deliveries.push({ event, applied });
    let callId = this.ids.get(event.callId);
    if (!callId) this.ids.set(event.callId, (callId = randomUUID()));
    return { callId, applied };
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}
