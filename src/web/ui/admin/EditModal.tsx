import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface EditModalProps<T> {
  /** The row being edited, 'new' for a new one, null while the modal is closed. */
  editing: T | 'new' | null;
  onClose(): void;
  titles: { create: string; edit: string };
  size?: ModalProps['size'];
  /** The form, given the row (null for a new one); mounted only while the modal is open, so it starts afresh. */
  children(item: T | null): ReactNode;
}

/** The modal around an admin form: one for a new row and for changing one; a click beside it keeps the typing. */
export function EditModal<T>({ editing, onClose, titles, size = 'xl', children }: EditModalProps<T>) {
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? titles.create : titles.edit}
      size={size}
      closeOnClickOutside={false}
    >
      {editing !== null && children(editing === 'new' ? null : editing)}
    </Modal>
  );
}
