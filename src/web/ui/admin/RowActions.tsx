import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  onEdit(): void;
  onRemove(): void;
  /** The word for taking the row away ("Entfernen", "Löschen", …). */
  removeLabel: string;
}

/** "Bearbeiten" and the removal at the end of a row of an admin table. */
export function RowActions({ onEdit, onRemove, removeLabel }: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
        {removeLabel}
      </Button>
    </Group>
  );
}
