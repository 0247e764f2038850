import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Bearbeiten" and "Entfernen" at the end of a row of the telephony tables. */
export function RowActions({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
        {t('telephonyAdmin.remove')}
      </Button>
    </Group>
  );
}
