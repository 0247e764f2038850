import type { CallEvent, CallEventResult, CallEventSink } from '@server/modules/telephony/ports';

/**
 * Sits in front of the app's real call service and remembers every event an
 * adapter delivered, so tests can assert on exactly what the adapter produced
 * while the call service still stores and applies it.
 */
export class CallEventCollector {
  readonly deliveries: Array<{ event: CallEvent; applied: boolean }> = [];

  constructor(sink: CallEventSink) {
    const forward = sink.handle.bind(sink);
    sink.handle = async (event: CallEvent): Promise<CallEventResult> => {
      const result = await forward(event);
      this.deliveries.push({ event, applied: result.applied });
      return result;
    };
  }

  /** The events that changed something, in order. */
  get events(): CallEvent[] {
    return this.deliveries.filter((d) => d.applied).map((d) => d.event);
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}
