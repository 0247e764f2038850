import { Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_RESPONSES } from '@shared/campaigns/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useCampaignReport } from './queries';

/** The reports page's campaign section: each campaign started in the period with what came of it. */
export function CampaignReportSection({ params }: { params: { from: string; to: string; locationId?: string } }) {
  const { t, i18n } = useTranslation();
  const report = useCampaignReport({ from: params.from, to: params.to, locationId: params.locationId });
  const pct = (v: number | null) =>
    v === null ? '–' : `${v.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  return (
    <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="campaign-report-title">
      <Title order={4} id="campaign-report-title" mb="sm">
        {t('campaigns.report.title')}
      </Title>
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Skeleton height={80} />
      ) : report.data.campaigns.length === 0 ? (
        <Text c="dimmed">{t('campaigns.report.empty')}</Text>
      ) : (
        <Table aria-label={t('campaigns.report.title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.field.name')}</Table.Th>
              <Table.Th>{t('campaigns.field.channel')}</Table.Th>
              <Table.Th>{t('campaigns.report.sent')}</Table.Th>
              <Table.Th>{t('campaigns.report.excluded')}</Table.Th>
              {CAMPAIGN_RESPONSES.map((r) => (
                <Table.Th key={r}>{t(`campaigns.response.${r}`)}</Table.Th>
              ))}
              <Table.Th>{t('campaigns.report.conversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.data.campaigns.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{t(`campaigns.channel.${c.channel}`)}</Table.Td>
                <Table.Td>{c.sent}</Table.Td>
                <Table.Td>{c.excluded}</Table.Td>
                {CAMPAIGN_RESPONSES.map((r) => (
                  <Table.Td key={r}>{c.responses[r]}</Table.Td>
                ))}
                <Table.Td>{pct(c.conversionRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
