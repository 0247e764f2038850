import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/org/schemas';
import { ConfirmDialog } from '@web/ui/components/ConfirmDialog';

interface UserActionsProps {
  user: User;
  /** Admins cannot lock themselves out; the server refuses it too. */
  isSelf: boolean;
  onEdit(): void;
  onResetPassword(): Promise<void>;
  onToggleActive(): Promise<void>;
}

type Pending = 'reset' | 'deactivate' | null;

export function UserActions({ user, isSelf, onEdit, onResetPassword, onToggleActive }: UserActionsProps) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    await action();
    setBusy(false);
    setConfirm(null);
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('common.moreActions', { name: user.displayName })}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
            {t('common.edit')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setConfirm('reset')}>
            {t('admin.users.resetPassword')}
          </Menu.Item>
          {user.active ? (
            <Menu.Item
              leftSection={<IconUserOff size={16} />}
              color="red"
              disabled={isSelf}
              onClick={() => setConfirm('deactivate')}
            >
              {t('admin.users.deactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => void run(onToggleActive)}>
              {t('admin.users.activate')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <ConfirmDialog
        opened={confirm === 'reset'}
        title={t('admin.users.resetConfirmTitle')}
        message={t('admin.users.resetConfirm', { name: user.displayName })}
        confirmLabel={t('admin.users.resetPassword')}
        loading={busy}
        onConfirm={() => void run(onResetPassword)}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'deactivate'}
        title={t('admin.users.deactivateConfirmTitle')}
        message={t('admin.users.deactivateConfirm', { name: user.displayName })}
        confirmLabel={t('admin.users.deactivate')}
        danger
        loading={busy}
        onConfirm={() => void run(onToggleActive)}
        onClose={() => setConfirm(null)}
      />
    </>
  );
}
