import { Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorState } from '@web/ui/components/ErrorState';

interface ListStateProps {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown; data?: readonly unknown[] };
  /** Without an action (e.g. for readers who may not add), the empty state only explains. */
  empty: { icon: ReactNode; title: string; text: string; actionLabel?: string; onAction?(): void };
  children: ReactNode;
}

/** Loading, failed, empty or the list itself: the four states every admin table has. */
export function ListState({ query, empty, children }: ListStateProps) {
  if (query.isPending) {
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} height={44} />
        ))}
      </Stack>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data?.length) {
    return (
      <Paper withBorder radius="lg" py={48} px="md">
        <EmptyState variant="light" icon={empty.icon} title={empty.title} description={empty.text}>
          {empty.actionLabel && empty.onAction && (
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={empty.onAction}>
                {empty.actionLabel}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      {children}
    </Paper>
  );
}
