import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/org/schemas';
import { UserForm } from './UserForm';

interface UserFormModalProps {
  opened: boolean;
  /** The user to edit; null to create a new one. */
  user: User | null;
  onClose(): void;
  onCreated(user: User, initialPassword: string | undefined): void;
}

export function UserFormModal({ opened, user, onClose, onCreated }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('admin.users.editTitle') : t('admin.users.createTitle')}
      size="xl"
      closeOnClickOutside={false}
    >
      {/* Mounted afresh on every opening, so the form starts from the user being edited. */}
      <UserForm user={user} onClose={onClose} onCreated={onCreated} />
    </Modal>
  );
}
