import { Alert, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpportunityStage } from '@shared/sales/enums';
import type { Board, OpportunitySummary } from '@shared/sales/opportunity-schemas';
import { describeProblem } from '@web/ui/form-errors';
import { OpportunityCard } from './OpportunityCard';
import { formatCents, useMoveStage } from './queries';

/**
 * The pipeline: a column per stage. A card is dragged to another column, or moved with its
 * stage menu from the keyboard; a refusal (no test drive, no offer …) is shown in words.
 */
export function PipelineBoard({ board }: { board: Board }) {
  const { t, i18n } = useTranslation();
  const moveStage = useMoveStage();
  const [over, setOver] = useState<OpportunityStage | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const byId = new Map(board.columns.flatMap((c) => c.items).map((i) => [i.id, i]));

  const move = (item: OpportunitySummary, stage: OpportunityStage) => {
    if (item.stage === stage) return;
    setRefusal(null);
    moveStage.mutate(
      { id: item.id, stage, version: item.version },
      {
        onSuccess: () =>
          notifications.show({
            message: t('sales.moved', { number: item.number, stage: t(`texts.opportunityStage.${stage}`) }),
          }),
        onError: (error) => setRefusal(`${item.number}: ${describeProblem(error)}`),
      },
    );
  };

  return (
    <Stack>
      {refusal && (
        <Alert color="red" withCloseButton onClose={() => setRefusal(null)} role="alert">
          {refusal}
        </Alert>
      )}
      <ScrollArea type="auto">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          {board.columns.map((column) => (
            <Paper
              key={column.stage}
              withBorder
              p="xs"
              w={260}
              miw={260}
              bg={over === column.stage ? 'blue.0' : undefined}
              aria-label={t(`texts.opportunityStage.${column.stage}`)}
              role="region"
              onDragOver={(e) => {
                e.preventDefault();
                setOver(column.stage);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const item = byId.get(e.dataTransfer.getData('text/plain'));
                if (item) move(item, column.stage);
              }}
            >
              <Stack gap="xs">
                <Group justify="space-between">
                  <Title order={5}>{t(`texts.opportunityStage.${column.stage}`)}</Title>
                  <Badge variant="light">{column.count}</Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatCents(column.valueCents, i18n.language)}
                </Text>
                {column.items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('sales.emptyColumn')}
                  </Text>
                ) : (
                  column.items.map((item) => <OpportunityCard key={item.id} item={item} onMove={move} />)
                )}
                {column.count > column.items.length && (
                  <Text size="xs" c="dimmed">
                    {t('sales.moreInColumn', { count: column.count - column.items.length })}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}
