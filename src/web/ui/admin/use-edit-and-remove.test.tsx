import { notifications } from '@mantine/notifications';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useEditAndRemove } from './use-edit-and-remove';

const row = { id: 'r1', name: 'Hauptanlage' };

function setUp(mutateAsync: (id: string) => Promise<unknown>, options?: { keepOpenOnError?: boolean }) {
  const show = vi.spyOn(notifications, 'show').mockReturnValue('');
  show.mockClear();
  const view = renderHook(() =>
    useEditAndRemove<typeof row>({ mutateAsync, isPending: false }, (r) => `${r.name} entfernt`, options),
  );
  return { ...view, show };
}

describe('useEditAndRemove', () => {
  it('removes the row waiting for confirmation, says so and closes the dialog', async () => {
    const mutateAsync = vi.fn(() => Promise.resolve());
    const { result, show } = setUp(mutateAsync);
    act(() => result.current.setRemoving(row));
    expect(result.current.removeDialog.opened).toBe(true);

    await act(() => result.current.confirmRemove());

    expect(mutateAsync).toHaveBeenCalledWith('r1');
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ message: 'Hauptanlage entfernt' }));
    expect(result.current.removing).toBeNull();
    expect(result.current.removeDialog.opened).toBe(false);
  });

  it('closes the dialog without a success message when the removal fails', async () => {
    const { result, show } = setUp(() => Promise.reject(new Error('offline')));
    act(() => result.current.setRemoving(row));

    await act(() => result.current.confirmRemove());

    expect(show).not.toHaveBeenCalledWith(expect.objectContaining({ message: 'Hauptanlage entfernt' }));
    expect(result.current.removing).toBeNull();
  });

  it('keeps the dialog open with the error in words when asked to and the removal fails', async () => {
    const { result, show } = setUp(() => Promise.reject(new Error('offline')), { keepOpenOnError: true });
    act(() => result.current.setRemoving(row));

    await act(() => result.current.confirmRemove());

    expect(show).toHaveBeenCalledWith(expect.objectContaining({ color: 'red' }));
    expect(show).not.toHaveBeenCalledWith(expect.objectContaining({ message: 'Hauptanlage entfernt' }));
    expect(result.current.removing).toBe(row);
    expect(result.current.removeDialog.opened).toBe(true);
  });

  it('knows whether a new row or which row is being edited', () => {
    const { result } = setUp(() => Promise.resolve());
    act(() => result.current.setEditing('new'));
    expect(result.current.editing).toBe('new');
    act(() => result.current.setEditing(row));
    expect(result.current.editing).toBe(row);
  });
});
