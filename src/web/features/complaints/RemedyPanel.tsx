import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/complaints/schemas';
import { useDirectory } from '@web/features/customers/queries';
import { formatDateTime } from '@web/ui/format';
import { formatCents } from '../sales/opportunities/queries';

type Send = (method: 'post' | 'put' | 'patch', path: string, body: unknown) => void;

/** Steps (done, forwarded to a colleague), costs and goodwill in euros, pass-on and closing. */
export function RemedyPanel({ complaint, send, busy }: { complaint: Complaint; send: Send; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const closed = complaint.status === 'closed';
  const colleagues = (directory.data ?? [])
    .filter((u) => u.active && u.locationIds.includes(complaint.locationId))
    .map((u) => ({ value: u.id, label: u.displayName }));
  const base = `/complaints/${complaint.id}`;
  const euros = (cents: number) => cents / 100;
  const [costs, setCosts] = useState(() => ({
    parts: euros(complaint.costs.partsCents),
    labour: euros(complaint.costs.labourCents),
    goodwillManufacturer: euros(complaint.costs.goodwillManufacturerCents),
    goodwillDealer: euros(complaint.costs.goodwillDealerCents),
    minutes: complaint.costs.minutesSpent,
  }));
  const [passTo, setPassTo] = useState('');
  const [outcome, setOutcome] = useState('');
  const [justified, setJustified] = useState<string | null>(
    complaint.justified === 'open' ? null : complaint.justified,
  );
  const [satisfaction, setSatisfaction] = useState<number | string>('');
  const cents = (value: number) => Math.round(value * 100);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="remedy-title">
      <Title order={5} id="remedy-title" mb="xs">
        {t('complaints.remedy.title')}
      </Title>
      <Stack gap="xs" role="list" aria-label={t('complaints.remedy.steps')}>
        {complaint.steps.map((step) => (
          <Group key={step.id} role="listitem" justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              label={step.title}
              checked={step.status === 'done'}
              disabled={closed || busy}
              onChange={(e) =>
                send('patch', `${base}/steps/${step.id}`, { status: e.currentTarget.checked ? 'done' : 'open' })
              }
            />
            <Text size="xs" c={step.overdue ? 'red' : 'dimmed'}>
              {t(step.overdue ? 'complaints.remedy.overdue' : 'complaints.remedy.due', {
                when: formatDateTime(step.dueAt),
              })}
            </Text>
            <Select
              aria-label={t('complaints.remedy.responsible', { step: step.title })}
              size="xs"
              w={180}
              data={colleagues}
              value={step.responsible?.id ?? null}
              disabled={closed || busy}
              onChange={(value) => value && send('patch', `${base}/steps/${step.id}`, { responsibleId: value })}
            />
          </Group>
        ))}
      </Stack>

      <Title order={6} mt="md" mb="xs">
        {t('complaints.costs.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {(['parts', 'labour', 'goodwillManufacturer', 'goodwillDealer'] as const).map((key) => (
          <NumberInput
            key={key}
            label={t(`complaints.costs.${key}`)}
            suffix=" €"
            decimalScale={2}
            decimalSeparator={i18n.language === 'en' ? '.' : ','}
            min={0}
            value={costs[key]}
            onChange={(value) => setCosts((c) => ({ ...c, [key]: Number(value) || 0 }))}
          />
        ))}
        <NumberInput
          label={t('complaints.costs.minutes')}
          min={0}
          value={costs.minutes}
          onChange={(value) => setCosts((c) => ({ ...c, minutes: Number(value) || 0 }))}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="xs">
        <Text size="sm">
          {t('complaints.costs.total', { total: formatCents(complaint.costs.totalCents, i18n.language) })}
        </Text>
        <Button
          variant="default"
          loading={busy}
          onClick={() =>
            send('put', `${base}/costs`, {
              partsCents: cents(costs.parts),
              labourCents: cents(costs.labour),
              goodwillManufacturerCents: cents(costs.goodwillManufacturer),
              goodwillDealerCents: cents(costs.goodwillDealer),
              minutesSpent: costs.minutes,
              version: complaint.version,
            })
          }
        >
          {t('complaints.costs.save')}
        </Button>
      </Group>

      {complaint.passedOn ? (
        <Text size="sm" mt="md">
          {t('complaints.passOn.done', {
            to: complaint.passedOn.to,
            by: complaint.passedOn.by,
            when: formatDateTime(complaint.passedOn.at),
          })}
        </Text>
      ) : (
        !closed && (
          <Group mt="md" align="flex-end">
            <TextInput
              label={t('complaints.passOn.to')}
              value={passTo}
              maxLength={200}
              onChange={(e) => setPassTo(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              variant="default"
              disabled={!passTo.trim()}
              loading={busy}
              onClick={() => send('post', `${base}/pass-on`, { to: passTo.trim(), version: complaint.version })}
            >
              {t('complaints.passOn.action')}
            </Button>
          </Group>
        )
      )}

      {closed ? (
        <Text size="sm" mt="md">
          {t('complaints.closed', { outcome: complaint.outcome ?? '' })}
        </Text>
      ) : (
        <Stack gap="xs" mt="md">
          <Title order={6}>{t('complaints.close.title')}</Title>
          <TextInput
            label={t('complaints.close.outcome')}
            value={outcome}
            maxLength={2000}
            onChange={(e) => setOutcome(e.currentTarget.value)}
          />
          <Group align="flex-end">
            <Select
              label={t('complaints.fields.justified')}
              data={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`complaints.justified.${v}`) }))}
              value={justified}
              onChange={setJustified}
              w={160}
            />
            <NumberInput
              label={t('complaints.close.satisfaction')}
              min={1}
              max={5}
              value={satisfaction}
              onChange={setSatisfaction}
              w={160}
            />
            <Button
              disabled={!outcome.trim() || !justified || !complaint.category}
              loading={busy}
              onClick={() =>
                send('post', `${base}/close`, {
                  outcome: outcome.trim(),
                  justified,
                  satisfaction: satisfaction === '' ? null : Number(satisfaction),
                  satisfactionScale: 'five',
                  version: complaint.version,
                })
              }
            >
              {t('complaints.close.action')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
