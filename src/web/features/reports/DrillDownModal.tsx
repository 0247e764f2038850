import { Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { RequestTable } from '../requests/list/RequestTable';
import { useDrillDown, type Column, type Measure, type ReportParams } from './queries';

interface DrillDownModalProps {
  params: ReportParams;
  cell: { key: string; label: string; measure: Measure; column: Column } | null;
  onClose(): void;
}

/** The requests behind one number of the report. */
export function DrillDownModal({ params, cell, onClose }: DrillDownModalProps) {
  const { t } = useTranslation();
  const list = useDrillDown(params, cell && { key: cell.key, measure: cell.measure });
  return (
    <Modal
      opened={cell !== null}
      onClose={onClose}
      size="80rem"
      title={cell ? `${cell.label} · ${t(`reports.columns.${cell.column}`)}` : ''}
    >
      {list.isPending ? (
        <Stack gap="xs">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={44} />
          ))}
        </Stack>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('reports.drillEmpty')}</Text>
      ) : (
        <RequestTable items={list.data} />
      )}
    </Modal>
  );
}
