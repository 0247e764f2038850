import { Loader, Modal } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The form pulls in the zod schemas, which the rest of the everyday app does not need.
const ChangePasswordForm = lazy(() =>
  import('./ChangePasswordForm').then((module) => ({ default: module.ChangePasswordForm })),
);

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.password.title')}>
      <Suspense fallback={<Loader size="sm" />}>
        <ChangePasswordForm onDone={onClose} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </Suspense>
    </Modal>
  );
}
