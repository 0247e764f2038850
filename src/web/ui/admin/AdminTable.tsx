import { Table, type TableProps, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AdminTableProps {
  /** The headings of the columns, in order; the last column (the row's actions) is named for screen readers only. */
  columns: ReactNode[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  verticalSpacing?: TableProps['verticalSpacing'];
  /** Cells keep their text on one line (the table scrolls sideways instead). */
  noWrap?: boolean;
  /** The rows (`Table.Tr`), each ending with its actions cell. */
  children: ReactNode;
}

/** The table of an admin list: its headings, a column for each row's actions, sideways scrolling on small screens. */
export function AdminTable({ columns, minWidth, verticalSpacing, noWrap, children }: AdminTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} style={noWrap ? { whiteSpace: 'nowrap' } : undefined}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((heading, index) => (
              <Table.Th key={index}>{heading}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
