import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type Key, type ReactNode, useEffect, useId, useRef } from 'react';

interface RepeatableRowsProps<T> {
  /** The heading of the list ("Telefonnummern"); it names the list and, with a number, each row for screen readers. */
  label: string;
  rows: readonly T[];
  /** The fields of one row; `index` is the row's place in the form's list, e.g. for `phones.${index}.number`. */
  children(row: T, index: number): ReactNode;
  onAdd(): void;
  onRemove(index: number): void;
  /** The add button's words ("Telefonnummer hinzufügen"). */
  addLabel: string;
  /** The remove button's name for screen readers ("Telefonnummer entfernen"); the button itself is an icon. */
  removeLabel: string;
  /** Without room for more rows the add button goes away. */
  max?: number;
  /** Lets a row's fields flow onto a second line on narrow screens (e.g. an address). */
  wrap?: boolean;
  rowKey?(row: T, index: number): Key;
}

/** The first field a person types into: a text field, not a select that only opens a list. */
const FIRST_FIELD = 'input:not([readonly]):not([type="hidden"]):not([disabled]), textarea:not([disabled])';

/**
 * A list of like rows in a form (phone numbers, time slots, …) with a button to add one
 * and one to remove each. Keyboard users land in the new row's first field after adding,
 * and on the add button after removing, so focus never falls back to the page's start.
 */
export function RepeatableRows<T>({
  label,
  rows,
  children,
  onAdd,
  onRemove,
  addLabel,
  removeLabel,
  max,
  wrap = false,
  rowKey = (_, index) => index,
}: RepeatableRowsProps<T>) {
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'added' | 'removed' | null>(null);
  const canAdd = max === undefined || rows.length < max;

  useEffect(() => {
    const intent = focusAfter.current;
    focusAfter.current = null;
    if (intent === 'added') {
      const newRow = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])].at(-1);
      newRow?.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    } else if (intent === 'removed') {
      addRef.current?.focus();
    }
  }, [rows.length]);

  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId} ref={listRef}>
      <Text fw={600} size="sm" id={headingId}>
        {label}
      </Text>
      {rows.map((row, index) => (
        <Group
          key={rowKey(row, index)}
          data-row
          role="group"
          aria-label={`${label} ${index + 1}`}
          gap="xs"
          align="flex-start"
          wrap={wrap ? 'wrap' : 'nowrap'}
        >
          {children(row, index)}
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={2}
            aria-label={removeLabel}
            onClick={() => {
              focusAfter.current = 'removed';
              onRemove(index);
            }}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {canAdd && (
        <Button
          ref={addRef}
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            focusAfter.current = 'added';
            onAdd();
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
