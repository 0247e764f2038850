import { Alert, Badge, Blockquote, Box, Button, Grid, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { reportError } from '@web/ui/form-errors';
import { QualificationForm, type QualificationValues } from './QualificationForm';
import { RemedyPanel } from './RemedyPanel';
import { SimilarCases } from './SimilarCases';
import { useComplaintChange, useComplaintOfRequest } from './queries';

/**
 * The complaint on the request page: "Als Reklamation qualifizieren" when there is no case yet
 * (a complaint request opens it at once), else the qualification with similar cases beside it,
 * then steps, costs, pass-on and closing.
 */
export function ComplaintPanel({ requestId, isComplaint }: { requestId: string; isComplaint: boolean }) {
  const { t } = useTranslation();
  const complaint = useComplaintOfRequest(requestId);
  const change = useComplaintChange(requestId);
  const [probe, setProbe] = useState<Pick<QualificationValues, 'category' | 'vehicleId'> | null>(null);

  if (complaint.isPending) return <Skeleton height={160} radius="md" />;
  if (complaint.isError) return <ErrorState error={complaint.error} onRetry={() => void complaint.refetch()} />;
  const open = () =>
    change.mutate({ method: 'post', path: '/complaints', body: { requestId } }, { onError: (e) => reportError(e) });
  if (!complaint.data) {
    return isComplaint ? (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('complaints.panelTitle')}>
        <Group justify="space-between">
          {t('complaints.notOpened')}
          <Button size="xs" loading={change.isPending} onClick={open}>
            {t('complaints.open')}
          </Button>
        </Group>
      </Alert>
    ) : (
      <Button
        variant="light"
        color="orange"
        loading={change.isPending}
        onClick={open}
        leftSection={<IconAlertTriangle size={16} />}
      >
        {t('complaints.open')}
      </Button>
    );
  }
  const c = complaint.data;
  const send = (method: 'post' | 'put' | 'patch', path: string, body: unknown) =>
    change.mutate({ method, path, body }, { onError: (e) => reportError(e) });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="complaint-title">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4} id="complaint-title">
            {t('complaints.panelTitle')} {c.number}
          </Title>
          <Badge color={c.status === 'closed' ? 'gray' : 'orange'}>{t(`complaints.status.${c.status}`)}</Badge>
        </Group>
        <Button
          component="a"
          href={`/api/complaints/${c.id}/pdf`}
          variant="default"
          size="xs"
          leftSection={<IconFileTypePdf size={16} />}
        >
          {t('complaints.pdf')}
        </Button>
      </Group>
      <Blockquote p="xs" mb="sm" aria-label={t('complaints.fields.description')}>
        {c.description}
      </Blockquote>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <QualificationForm
              key={c.version}
              complaint={c}
              busy={change.isPending}
              onChange={(v) => setProbe({ category: v.category, vehicleId: v.vehicleId })}
              onSubmit={(body, setErrors) =>
                change.mutate(
                  { method: 'put', path: `/complaints/${c.id}/qualification`, body },
                  { onError: (e) => reportError(e, { setErrors }) },
                )
              }
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SimilarCases
            complaintId={c.id}
            category={probe?.category ?? c.category}
            vehicleId={probe ? probe.vehicleId : (c.vehicle?.id ?? null)}
          />
        </Grid.Col>
      </Grid>
      {/* Steps, costs, passing on and closing need the room: below the similar cases, the panel's whole width. */}
      {c.status !== 'new' && (
        <Box mt="md">
          <RemedyPanel key={`r${c.version}`} complaint={c} send={send} busy={change.isPending} />
        </Box>
      )}
    </Paper>
  );
}
