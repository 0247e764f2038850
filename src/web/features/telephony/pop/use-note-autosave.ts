import { useCallback, useEffect, useRef, useState } from 'react';
import { useSaveNote } from '../queries';

/** Long enough not to save every keystroke, short enough that a hang-up loses nothing. */
export const AUTOSAVE_MS = 1200;

export type NoteStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

/**
 * The note pad's text, saved on its own a moment after typing stops and at
 * once on request. `flush` resolves once what is on screen is on the server,
 * so a request made from the note carries all of it.
 */
export function useNoteAutosave(callId: string, initial: string) {
  const save = useSaveNote(callId);
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<NoteStatus>('saved');
  const savedRef = useRef(initial);
  const valueRef = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { mutateAsync } = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const text = valueRef.current;
    if (text === savedRef.current) return;
    setStatus('saving');
    try {
      await mutateAsync(text);
      savedRef.current = text;
      setStatus(valueRef.current === text ? 'saved' : 'unsaved');
    } catch (error) {
      setStatus('failed');
      throw error;
    }
  }, [mutateAsync]);

  const change = useCallback(
    (text: string) => {
      valueRef.current = text;
      setValue(text);
      setStatus(text === savedRef.current ? 'saved' : 'unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush().catch(() => undefined), AUTOSAVE_MS);
    },
    [flush],
  );

  // A pop closed mid-sentence still saves what was typed.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (valueRef.current !== savedRef.current) void mutateAsync(valueRef.current).catch(() => undefined);
    },
    [mutateAsync],
  );

  return { value, change, status, flush };
}
