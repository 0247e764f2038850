import { useTranslation } from 'react-i18next';
import type { User } from '@shared/org/schemas';
import { EditModal } from '@web/ui/admin/EditModal';
import { UserForm } from './UserForm';

interface UserFormModalProps {
  opened: boolean;
  /** The user to edit; null to create a new one. */
  user: User | null;
  onClose(): void;
  onCreated(user: User, initialPassword: string | undefined): void;
}

/** The admin kit's edit modal around the user form; the form starts afresh on every opening. */
export function UserFormModal({ opened, user, onClose, onCreated }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <EditModal
      editing={opened ? (user ?? 'new') : null}
      onClose={onClose}
      titles={{ create: t('admin.users.createTitle'), edit: t('admin.users.editTitle') }}
    >
      {(item) => <UserForm user={item} onClose={onClose} onCreated={onCreated} />}
    </EditModal>
  );
}
