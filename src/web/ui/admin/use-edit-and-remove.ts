import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { reportError } from '@web/ui/form-errors';

interface Options {
  /**
   * After a failed removal the dialog stays open, its error in words beside it, so the
   * user can try again or cancel; by default it closes and only the error is shown.
   */
  keepOpenOnError?: boolean;
}

/**
 * What an admin table needs around its rows: the row being edited (or 'new'),
 * the row waiting for the removal to be confirmed, and the removal itself with
 * its success message or its error in words. `removeDialog` goes to the
 * ConfirmDialog as it is.
 */
export function useEditAndRemove<T extends { id: string }>(
  remove: { mutateAsync: (id: string) => Promise<unknown>; isPending: boolean },
  removedMessage: (item: T) => string,
  { keepOpenOnError = false }: Options = {},
) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);

  async function confirmRemove() {
    if (!removing) return;
    try {
      await remove.mutateAsync(removing.id);
      notifications.show({ color: 'teal', message: removedMessage(removing) });
      setRemoving(null);
    } catch (error) {
      reportError(error);
      if (!keepOpenOnError) setRemoving(null);
    }
  }

  const removeDialog = {
    opened: removing !== null,
    loading: remove.isPending,
    onConfirm: () => void confirmRemove(),
    onClose: () => setRemoving(null),
  };

  return { editing, setEditing, removing, setRemoving, confirmRemove, removePending: remove.isPending, removeDialog };
}
