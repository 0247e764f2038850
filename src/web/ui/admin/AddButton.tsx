import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

/** "Neu …" above an admin table, at its right edge. */
export function AddButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Group justify="flex-end" mb="md">
      <Button leftSection={<IconPlus size={16} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}
