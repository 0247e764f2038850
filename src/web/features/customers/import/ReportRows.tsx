import { Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportRowReport, ImportTotals } from '@shared/imports/schemas';
import type { ImportUploadResult } from './import-api';

const MAX_SHOWN = 200;

type ImportField = ImportUploadResult['fields'][number];
const PAGE_SIZE = 25;
const ORDER: Record<ImportAction, number> = { reject: 0, update: 1, create: 2, skip: 3 };
export const ACTION_COLORS: Record<ImportAction, string> = {
  create: 'green',
  update: 'blue',
  skip: 'gray',
  reject: 'red',
};

export function TotalsBadges({ totals }: { totals: ImportTotals }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['create', 'update', 'skip', 'reject'] as const).map((action) => (
        <Badge key={action} size="lg" variant="light" color={ACTION_COLORS[action]}>
          {totals[action]} {t(`imports.actions.${action}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The rows of a report, rejected ones first (they need attention), paged in the browser. */
export function ReportRows({ rows, fields = [] }: { rows: ImportRowReport[]; fields?: ImportField[] }) {
  const { t } = useTranslation();
  // The CRM's name for the field, with the file's own column beside it when that reads differently.
  const where = (reason: ImportRowReport['reasons'][number]) => {
    const label =
      fields.find((field) => field.key === reason.field)?.label ??
      t(`imports.dryRun.fieldNames.${reason.field}`, { defaultValue: t('imports.dryRun.fieldNames.other') });
    return reason.column && reason.column !== label
      ? `${label} (${t('imports.dryRun.column', { column: reason.column })})`
      : label;
  };
  const [page, setPage] = useState(1);
  const shown = useMemo(
    () => [...rows].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.row - b.row).slice(0, MAX_SHOWN),
    [rows],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const visible = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  if (rows.length === 0) return <Text c="dimmed">{t('imports.dryRun.noRows')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('imports.dryRun.row')}</Table.Th>
              <Table.Th w={140}>{t('imports.dryRun.action')}</Table.Th>
              <Table.Th>{t('imports.dryRun.reasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION_COLORS[row.action]}>
                    {t(`imports.actions.${row.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {row.reasons.map((reason, index) => (
                    <Text key={index} size="sm">
                      <Text span fw={500}>
                        {where(reason)}:
                      </Text>{' '}
                      {reason.message}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > MAX_SHOWN && (
        <Text size="sm" c="dimmed">
          {t('imports.dryRun.truncated', { shown: MAX_SHOWN, total: rows.length })}
        </Text>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
    </Stack>
  );
}
