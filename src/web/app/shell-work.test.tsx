import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLiveStatus } from '@web/features/notifications/live-bus';
import { holdShellWork, useShellWork } from './shell-work';

function stages() {
  return renderHook(() => ({ stream: useShellWork('stream'), counts: useShellWork('shell') }));
}

let release: (() => void) | undefined;
afterEach(() => {
  release?.();
  setLiveStatus('connecting');
  vi.useRealTimers();
});

describe('the shell’s work on a cold load', () => {
  // First: before any hold in this file.
  it('holds nothing back where the app did not ask it to', () => {
    expect(stages().result.current).toEqual({ stream: true, counts: true });
  });

  it('opens the live stream once the page has its first data, and asks for the counts once the stream is there', async () => {
    const client = new QueryClient();
    release = holdShellWork(client, 'session');
    const view = stages();
    expect(view.result.current).toEqual({ stream: false, counts: false });

    // The session's answer is not the page's data.
    await act(() => client.fetchQuery({ queryKey: ['session'], queryFn: () => Promise.resolve({ user: 'u' }) }));
    expect(view.result.current).toEqual({ stream: false, counts: false });

    await act(() => client.fetchQuery({ queryKey: ['contacts', 'list'], queryFn: () => Promise.resolve([]) }));
    expect(view.result.current).toEqual({ stream: true, counts: false });

    act(() => setLiveStatus('live'));
    expect(view.result.current).toEqual({ stream: true, counts: true });
  });

  it('asks for the counts when the stream fails, too', async () => {
    const client = new QueryClient();
    release = holdShellWork(client, 'session');
    const view = stages();
    await act(() =>
      client
        .fetchQuery({ queryKey: ['contacts', 'list'], queryFn: () => Promise.reject(new Error('x')) })
        .catch(() => undefined),
    );
    act(() => setLiveStatus('interrupted'));
    expect(view.result.current).toEqual({ stream: true, counts: true });
  });

  it('does not keep the counts back for long from a page without data or a stream that does not answer', () => {
    vi.useFakeTimers();
    release = holdShellWork(new QueryClient(), 'session');
    const view = stages();
    act(() => vi.advanceTimersByTime(1500));
    expect(view.result.current).toEqual({ stream: true, counts: false });
    act(() => vi.advanceTimersByTime(1500));
    expect(view.result.current).toEqual({ stream: true, counts: true });
  });
});
