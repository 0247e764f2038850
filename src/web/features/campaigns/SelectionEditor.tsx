import {
  Badge,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CampaignChannel, SelectionFilterInput } from '@shared/campaigns/schemas';
import { LIFECYCLE_PHASES } from '@shared/lifecycle/phase';
import { FUELS } from '@shared/vehicles/enums';
import { useLocations } from '@web/app/org-queries';
import { currentLocale } from '@web/i18n';
import { useDirectory } from '@web/features/customers/queries';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useSelection, useVehicleChoices } from './queries';

interface Props {
  channel: CampaignChannel;
  filter: SelectionFilterInput;
  onChange: (filter: SelectionFilterInput) => void;
  /** A started campaign's selection is shown, not edited. */
  readOnly?: boolean;
}

const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'de'));

/** The filters of a campaign's selection, with the live count and the first recipients beside them. */
export function SelectionEditor({ channel, filter, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const locations = useLocations();
  const directory = useDirectory();
  const choices = useVehicleChoices();
  const set = (patch: Partial<SelectionFilterInput>) => onChange({ ...filter, ...patch });
  const brands = unique((choices.data ?? []).map((c) => c.brand));
  const models = unique(
    (choices.data ?? []).filter((c) => !filter.brands?.length || filter.brands.includes(c.brand)).map((c) => c.model),
  );
  const consultants = (directory.data ?? [])
    .filter((u) => u.active && (u.role === 'sales' || u.role === 'manager'))
    .map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="sm">
        <MultiSelect
          label={t('campaigns.filter.phases')}
          data={LIFECYCLE_PHASES.map((p) => ({ value: p, label: t(`campaigns.phase.${p}`) }))}
          value={filter.phases ?? []}
          onChange={(phases) => set({ phases: phases as SelectionFilterInput['phases'] })}
          disabled={readOnly}
          clearable
        />
        <Group grow align="flex-start">
          <MultiSelect
            label={t('campaigns.filter.brands')}
            data={brands}
            value={filter.brands ?? []}
            onChange={(value) => set({ brands: value })}
            searchable
            disabled={readOnly}
          />
          <MultiSelect
            label={t('campaigns.filter.models')}
            data={models}
            value={filter.models ?? []}
            onChange={(value) => set({ models: value })}
            searchable
            disabled={readOnly}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('campaigns.filter.ageMin')}
            min={0}
            max={100}
            value={filter.ageMin ?? ''}
            onChange={(v) => set({ ageMin: typeof v === 'number' ? v : null })}
            disabled={readOnly}
          />
          <NumberInput
            label={t('campaigns.filter.ageMax')}
            min={0}
            max={100}
            value={filter.ageMax ?? ''}
            onChange={(v) => set({ ageMax: typeof v === 'number' ? v : null })}
            disabled={readOnly}
          />
        </Group>
        <MultiSelect
          label={t('campaigns.filter.fuels')}
          data={FUELS.map((f) => ({ value: f, label: t(`campaigns.fuel.${f}`) }))}
          value={filter.fuels ?? []}
          onChange={(value) => set({ fuels: value as SelectionFilterInput['fuels'] })}
          disabled={readOnly}
        />
        <Group grow align="flex-start">
          <DateInput
            label={t('campaigns.filter.financingEndFrom')}
            valueFormat="DD.MM.YYYY"
            locale={currentLocale()}
            clearable
            value={filter.financingEndFrom ?? null}
            onChange={(value) => set({ financingEndFrom: value || null })}
            disabled={readOnly}
          />
          <DateInput
            label={t('campaigns.filter.financingEndTo')}
            valueFormat="DD.MM.YYYY"
            locale={currentLocale()}
            clearable
            value={filter.financingEndTo ?? null}
            onChange={(value) => set({ financingEndTo: value || null })}
            disabled={readOnly}
          />
        </Group>
        <MultiSelect
          label={t('campaigns.filter.locations')}
          placeholder={t('campaigns.filter.allMyLocations')}
          data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={filter.locationIds ?? []}
          onChange={(value) => set({ locationIds: value })}
          disabled={readOnly}
        />
        <Select
          label={t('campaigns.filter.consultant')}
          data={consultants}
          value={filter.consultantId ?? null}
          onChange={(value) => set({ consultantId: value })}
          clearable
          searchable
          disabled={readOnly}
        />
        <TagsInput
          label={t('campaigns.filter.tags')}
          value={filter.tags ?? []}
          onChange={(value) => set({ tags: value })}
          disabled={readOnly}
        />
      </Stack>
      <LiveCount channel={channel} filter={filter} />
    </SimpleGrid>
  );
}

function LiveCount({ channel, filter }: { channel: CampaignChannel; filter: SelectionFilterInput }) {
  const { t } = useTranslation();
  // Typing a tag or a number asks once it settles, not on every keystroke.
  const [settled] = useDebouncedValue(filter, 300);
  const { count, preview } = useSelection(channel, settled);
  const c = count.data;
  return (
    <Paper withBorder radius="md" p="md" aria-live="polite" aria-label={t('campaigns.count.label')}>
      <Title order={5} mb="xs">
        {t('campaigns.count.title')}
      </Title>
      {count.isError ? (
        <ErrorState error={count.error} onRetry={() => void count.refetch()} />
      ) : !c ? (
        <Skeleton height={60} />
      ) : (
        <Stack gap={4} style={{ opacity: count.isFetching ? 0.6 : 1 }}>
          <Text size="xl" fw={700}>
            {t('campaigns.count.recipients', { count: c.recipients })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('campaigns.count.matching', { count: c.matching })}
          </Text>
          {c.withoutConsent > 0 && (
            <Text size="sm">{t('campaigns.count.withoutConsent', { count: c.withoutConsent })}</Text>
          )}
          {c.blocked > 0 && <Text size="sm">{t('campaigns.count.blocked', { count: c.blocked })}</Text>}
          {c.withoutAddress > 0 && (
            <Text size="sm">{t(`campaigns.count.withoutAddress.${channel}`, { count: c.withoutAddress })}</Text>
          )}
        </Stack>
      )}
      <Title order={6} mt="md" mb="xs">
        {t('campaigns.preview.title')}
      </Title>
      {preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : !preview.data ? (
        <Skeleton height={120} />
      ) : preview.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.preview.empty')}
        </Text>
      ) : (
        <Table aria-label={t('campaigns.preview.title')} striped>
          <Table.Tbody>
            {/* Who the campaign reaches first; those left out after them, each with the reason. */}
            {[...preview.data.filter((r) => !r.excludedBecause), ...preview.data.filter((r) => r.excludedBecause)].map(
              (r) => (
                <Table.Tr key={r.contactId}>
                  {/* The reason under the name, so that three columns need not fit beside each other on a phone. */}
                  <Table.Td>
                    {r.displayName}
                    {r.excludedBecause && (
                      <Badge display="block" mt={4} color="gray" variant="light">
                        {t(`campaigns.preview.excluded.${r.excludedBecause}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.customerNumber}</Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
