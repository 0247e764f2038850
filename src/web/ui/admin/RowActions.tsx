import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  /** Without it the row cannot be changed here (e.g. an API key), and "Bearbeiten" is left out. */
  onEdit?(): void;
  /** Without it the row cannot be taken away here (e.g. a location), and the removal is left out. */
  onRemove?(): void;
  /** The word for taking the row away ("Entfernen", "Löschen", "Widerrufen", …). */
  removeLabel?: string;
  /**
   * What screen readers hear instead of the bare words when a table has many rows,
   * e.g. "Service München bearbeiten"; it contains the visible word, so speaking it works too.
   */
  names?: { edit?: string; remove?: string };
}

/** "Bearbeiten" and the removal at the end of a row of an admin table. */
export function RowActions({ onEdit, onRemove, removeLabel, names }: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      {onEdit && (
        <Button size="xs" variant="subtle" onClick={onEdit} aria-label={names?.edit}>
          {t('common.edit')}
        </Button>
      )}
      {onRemove && removeLabel && (
        <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={names?.remove}>
          {removeLabel}
        </Button>
      )}
    </Group>
  );
}
