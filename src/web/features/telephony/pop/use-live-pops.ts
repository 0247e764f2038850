import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { LIVE_CALL_STATES } from '@shared/telephony/enums';
import { useShellWork } from '@web/app/shell-work';
import { subscribeLive } from '@web/features/notifications/live-bus';
import { callToLiveEvent, fetchLiveCalls, popKey, type CallLiveEvent } from '../queries';

export interface LivePop {
  event: CallLiveEvent;
  minimised: boolean;
  /** Arrived on the stream just now (its latency is worth measuring), rather than restored after a reload. */
  live: boolean;
}

function isCallEvent(data: unknown): data is CallLiveEvent {
  return Boolean(data && typeof data === 'object' && 'callId' in data && 'state' in data);
}

/**
 * The pops on screen, one per call: opened by a `call` event on the user's
 * stream, updated by the following ones, restored from /api/calls/live after a
 * reload or a dropped stream. A new call folds the others away so the ringing
 * one is in view; a pop stays until the user closes it, so the note can be
 * finished after hanging up.
 */
export function useLivePops() {
  const queryClient = useQueryClient();
  const [pops, setPops] = useState<LivePop[]>([]);
  // On a cold load the page's own data goes first (app/shell-work.ts).
  const allowed = useShellWork('shell');

  const receive = useCallback((event: CallLiveEvent, live: boolean) => {
    setPops((current) => {
      const existing = current.find((pop) => pop.event.callId === event.callId);
      if (existing) {
        return current.map((pop) =>
          pop.event.callId === event.callId ? { ...pop, event: { ...event, receivedAt: pop.event.receivedAt } } : pop,
        );
      }
      // An ended call the user never saw ringing is no reason to pop up.
      if (!LIVE_CALL_STATES.includes(event.state)) return current;
      return [...current.map((pop) => ({ ...pop, minimised: true })), { event, minimised: false, live }];
    });
  }, []);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    const restore = () => {
      fetchLiveCalls(controller.signal)
        .then((calls) => {
          for (const call of calls) receive(callToLiveEvent(call), false);
        })
        .catch(() => undefined);
    };
    restore();
    const offCall = subscribeLive('call', (data) => {
      if (!isCallEvent(data)) return;
      receive(data, true);
      // The pop shows who the caller is; answering or hanging up may change what it says.
      if (data.state !== 'ringing') void queryClient.invalidateQueries({ queryKey: popKey(data.callId) });
    });
    const offReady = subscribeLive('ready', restore);
    return () => {
      controller.abort();
      offCall();
      offReady();
    };
  }, [queryClient, receive, allowed]);

  const setMinimised = useCallback((callId: string, minimised: boolean) => {
    setPops((current) =>
      current.map((pop) =>
        pop.event.callId === callId ? { ...pop, minimised } : minimised ? pop : { ...pop, minimised: true },
      ),
    );
  }, []);

  const dismiss = useCallback((callId: string) => {
    setPops((current) => current.filter((pop) => pop.event.callId !== callId));
  }, []);

  return { pops, setMinimised, dismiss };
}

export type LivePops = ReturnType<typeof useLivePops>;
