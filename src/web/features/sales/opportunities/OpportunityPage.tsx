import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '@shared/sales/enums';
import { PlanActivityButton } from '@web/features/activities/PlanActivityButton';
import { describeError } from '@web/ui/describe-error';
import { describeProblem } from '@web/ui/form-errors';
import { formatDateTime, formatDay } from '@web/ui/format';
import { LostDialog } from './LostDialog';
import { NextActivityLine } from './OpportunityCard';
import { formatCents, type OpportunityDetail, useMoveStage, useOpportunity, useReopenOpportunity } from './queries';
import { OpportunityOffers } from '@web/features/sales/offers/OpportunityOffers';
import { OpportunityOrder } from '@web/features/sales/orders/OpportunityOrder';
import { OpportunityTestDrives } from '@web/features/sales/test-drives';

/** One opportunity: details, the stage bar, lost/reopen, the next activity and the history of stages. */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const opportunity = useOpportunity(id);
  if (opportunity.isPending) return <Loader aria-label={t('common.loading')} />;
  if (opportunity.isError) return <Alert color="red">{describeError(opportunity.error)}</Alert>;
  return <OpportunityView opportunity={opportunity.data} />;
}

function OpportunityView({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const { t, i18n } = useTranslation();
  const moveStage = useMoveStage();
  const reopen = useReopenOpportunity(o.id);
  const [lostOpened, setLostOpened] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const open = o.status === 'open';

  const move = (stage: OpportunityStage) => {
    if (!open || stage === o.stage) return;
    setRefusal(null);
    moveStage.mutate(
      { id: o.id, stage, version: o.version },
      { onError: (error) => setRefusal(describeProblem(error)) },
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>
            {t('sales.opportunity', { number: o.number })}{' '}
            <Badge color={o.status === 'lost' ? 'red' : o.status === 'won' ? 'green' : 'blue'}>
              {t(`sales.statuses.${o.status}`)}
            </Badge>
          </Title>
          <Anchor component={Link} to={`/customers/${o.contact.id}`}>
            {o.contact.displayName} ({o.contact.customerNumber})
          </Anchor>
        </div>
        <Group>
          {open && (
            <Button color="red" variant="light" onClick={() => setLostOpened(true)}>
              {t('sales.lost.open')}
            </Button>
          )}
          {o.status === 'lost' && (
            <Button
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(
                  { version: o.version },
                  { onError: (error) => notifications.show({ color: 'red', message: describeProblem(error) }) },
                )
              }
            >
              {t('sales.reopen')}
            </Button>
          )}
        </Group>
      </Group>
      {refusal && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stepper
          active={OPPORTUNITY_STAGES.indexOf(o.stage)}
          onStepClick={(index) => move(OPPORTUNITY_STAGES[index]!)}
          allowNextStepsSelect={open}
          size="sm"
        >
          {OPPORTUNITY_STAGES.map((stage) => (
            <Stepper.Step key={stage} label={t(`texts.opportunityStage.${stage}`)} />
          ))}
        </Stepper>
        {o.status === 'lost' && (
          <Text mt="sm" c="red">
            {t('sales.lostBecause', {
              reason: t(`texts.salesLostReason.${o.lostReason!}`),
              brand: o.lostToBrand ?? '',
            })}
            {o.lostNote ? ` – ${o.lostNote}` : ''}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('sales.consultant')}</Table.Th>
              <Table.Td>{o.owner.displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('sales.interest')}</Table.Th>
              <Table.Td>
                {t(`sales.interestKinds.${o.interestKind}`)} {o.interest && `· ${o.interest}`}
                {o.interestDescription && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {o.interestDescription}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('sales.source')}</Table.Th>
              <Table.Td>{[o.source, o.campaign].filter(Boolean).join(' / ') || '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('sales.value')}</Table.Th>
              <Table.Td>
                {formatCents(o.expectedValueCents, i18n.language)}
                {o.expectedCloseOn && ` · ${t('sales.expectedBy', { date: formatDay(o.expectedCloseOn) })}`}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Stack gap={4}>
            <Title order={4}>{t('sales.next')}</Title>
            <NextActivityLine next={o.nextActivity} />
          </Stack>
          <PlanActivityButton
            variant="light"
            preset={{ contact: { id: o.contact.id, label: o.contact.displayName }, ownerId: o.owner.id }}
          />
        </Group>
      </Paper>
      <OpportunityTestDrives opportunityId={o.id} contactId={o.contact.id} />
      <OpportunityOffers
        opportunityId={o.id}
        contactId={o.contact.id}
        opportunityNumber={o.number}
        requestId={o.requestId}
      />
      <OpportunityOrder opportunityId={o.id} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('sales.history')}
        </Title>
        <Table>
          <Table.Tbody>
            {[...o.changes].reverse().map((c, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDateTime(c.at)}</Table.Td>
                <Table.Td>
                  {c.status === 'lost' ? t('sales.statuses.lost') : t(`texts.opportunityStage.${c.toStage}`)}
                </Table.Td>
                <Table.Td>{c.by?.displayName ?? t('sales.system')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <LostDialog opportunity={o} opened={lostOpened} onClose={() => setLostOpened(false)} />
    </Stack>
  );
}
