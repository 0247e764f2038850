import { Alert, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SimilarComplaint } from '@shared/complaints/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatLongDate } from '@web/ui/format';
import { formatCents } from '../sales/opportunities/queries';
import { useSimilarComplaints } from './queries';

/** Earlier complaints like this one, best first, each with why it matched and how it ended. */
export function SimilarCases({
  complaintId,
  category,
  vehicleId,
}: {
  complaintId: string;
  category: string | null;
  vehicleId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const similar = useSimilarComplaints(complaintId, { category, vehicleId });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="similar-cases-title">
      <Title order={5} id="similar-cases-title" mb="xs">
        {t('complaints.similar.title')}
      </Title>
      {similar.isPending ? (
        <Skeleton height={120} />
      ) : similar.isError ? (
        <ErrorState error={similar.error} onRetry={() => void similar.refetch()} />
      ) : similar.data.items.length === 0 ? (
        <Alert color="gray">{t('complaints.similar.none')}</Alert>
      ) : (
        <Stack gap="xs" role="list" aria-label={t('complaints.similar.title')}>
          {similar.data.items.map((item) => (
            <SimilarItem key={item.id} item={item} language={i18n.language} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function SimilarItem({ item, language }: { item: SimilarComplaint; language: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="sm" role="listitem">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} component={Link} to={`/requests/${item.requestId}`}>
          {item.number} · {formatLongDate(item.openedAt)}
        </Text>
        <Group gap={4}>
          {item.reasons.map((reason) => (
            <Badge key={reason} size="xs" variant="light">
              {t(`complaints.similar.reasons.${reason}`)}
              {reason === 'similar_text' && item.similarity !== null ? ` ${Math.round(item.similarity * 100)} %` : ''}
            </Badge>
          ))}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {item.excerpt}
      </Text>
      <Text size="xs">
        {[
          item.category ? t(`complaints.category.${item.category}`) : null,
          item.model,
          t(`complaints.justified.${item.justified}`),
          item.totalCostCents > 0 ? formatCents(item.totalCostCents, language) : null,
          item.satisfaction !== null
            ? t('complaints.similar.satisfaction', {
                value: item.satisfaction,
                max: item.satisfactionScale === 'ten' ? 10 : 5,
              })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {item.outcome && (
        <Text size="xs" c="dimmed">
          {t('complaints.similar.outcome', { outcome: item.outcome })}
        </Text>
      )}
    </Paper>
  );
}
