import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { describeError } from '@web/ui/describe-error';
import { CreateOpportunityDialog } from './CreateOpportunityDialog';
import { NextActivityLine } from './OpportunityCard';
import { formatCents, useCustomerOpportunities } from './queries';

/**
 * A customer's open opportunities with the current offer (status, price or rate, valid until),
 * so a deputy answers "what about my offer?" at once: customer record and walk-in panel (R0.7).
 */
export function CustomerOpportunities({ contactId, requestId }: { contactId: string; requestId?: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const list = useCustomerOpportunities(contactId);
  const [creating, setCreating] = useState(false);
  const sellers = can(me.role, 'sales.work');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('sales.customer.title')}</Title>
        {can(me.role, 'sales.create') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            {t('sales.create.open')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.isError ? (
        <Alert color="red">{describeError(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('sales.customer.empty')}
        </Text>
      ) : (
        list.data.items.map((o) => (
          <Paper key={o.id} withBorder p="xs">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {sellers ? (
                    <Anchor component={Link} to={`/sales/${o.id}`}>
                      {o.number}
                    </Anchor>
                  ) : (
                    o.number
                  )}{' '}
                  · {t(`texts.opportunityStage.${o.stage}`)} · {o.interest}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('sales.customer.consultant', { name: o.owner.displayName })}
                </Text>
                <NextActivityLine next={o.nextActivity} />
              </Stack>
              <Stack gap={2} align="flex-end">
                {o.currentOffer ? (
                  <>
                    <Text size="sm">
                      {t('sales.customer.offer', {
                        version: o.currentOffer.version,
                        status: t(`sales.offerStatuses.${o.currentOffer.status}`),
                      })}
                    </Text>
                    <Text size="sm" fw={600}>
                      {formatCents(o.currentOffer.grossCents, i18n.language)}
                      {o.currentOffer.monthlyRateCents != null &&
                        ` · ${t('sales.customer.monthly', { rate: formatCents(o.currentOffer.monthlyRateCents, i18n.language) })}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('sales.customer.validUntil', { date: o.currentOffer.validUntil })}
                    </Text>
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('sales.customer.noOffer')}
                  </Text>
                )}
              </Stack>
            </Group>
          </Paper>
        ))
      )}
      <CreateOpportunityDialog
        opened={creating}
        onClose={() => setCreating(false)}
        contactId={requestId ? undefined : contactId}
        requestId={requestId}
        navigateOnCreate={sellers}
      />
    </Stack>
  );
}
