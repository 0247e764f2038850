import { Alert, Button, Container, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_TYPES } from '@shared/messages/enums';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useDirectory } from '@web/features/customers/queries';
import type { SearchResult } from '@shared/search/schemas';
import { ContactPicker } from '@web/features/vehicles/ContactPicker';
import { currentLocale } from '@web/i18n';
import { describeProblem } from '@web/ui/form-errors';
import { MessageCard } from './InboxPage';
import { type MessageListFilter, useMessageList } from './queries';

/**
 * Managers: the messages of their locations by type, responsible, customer and period (R1.6),
 * archived ones on request — e.g. to see what reception reported last week.
 */
export function MessagesListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const directory = useDirectory();
  const [customer, setCustomer] = useState<SearchResult | null>(null);
  const [filter, setFilter] = useState<Omit<MessageListFilter, 'contactId'>>({
    locationId: me.homeLocationId,
    type: null,
    responsibleId: null,
    from: null,
    to: null,
    archived: 'false',
  });
  const list = useMessageList({ ...filter, contactId: customer?.id ?? null });
  const set = (patch: Partial<typeof filter>) => setFilter((f) => ({ ...f, ...patch }));
  const mine = (locations.data ?? []).filter((l) => me.role === 'admin' || me.locationIds.includes(l.id));
  const colleagues = (directory.data ?? [])
    .filter(
      (p) => !filter.locationId || p.locationIds.includes(filter.locationId) || p.homeLocationId === filter.locationId,
    )
    .map((p) => ({ value: p.id, label: p.displayName }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const dateProps = { valueFormat: 'DD.MM.YYYY', locale: currentLocale(), clearable: true, w: 150 };

  return (
    <Container size="lg" py="md">
      <Title order={2} mb="md">
        {t('messages.list.title')}
      </Title>
      <Group align="flex-end" mb="md" gap="sm">
        <Select
          label={t('messages.list.location')}
          data={mine.map((l) => ({ value: l.id, label: l.name }))}
          value={filter.locationId}
          onChange={(locationId) => set({ locationId, responsibleId: null })}
          clearable={me.role === 'admin'}
          placeholder={t('messages.list.allLocations')}
          w={200}
        />
        <Select
          label={t('messages.form.type')}
          data={MESSAGE_TYPES.map((m) => ({ value: m, label: t(`messages.type.${m}`) }))}
          value={filter.type}
          onChange={(type) => set({ type })}
          clearable
          placeholder={t('messages.list.allTypes')}
          w={220}
        />
        <Select
          label={t('messages.form.responsible')}
          data={colleagues}
          value={filter.responsibleId}
          onChange={(responsibleId) => set({ responsibleId })}
          searchable
          clearable
          placeholder={t('messages.list.anyone')}
          w={200}
        />
        <div style={{ width: 240 }}>
          <ContactPicker label={t('messages.form.customer')} value={customer} onChange={setCustomer} />
        </div>
        <DateInput
          label={t('messages.list.from')}
          value={filter.from}
          onChange={(from) => set({ from })}
          {...dateProps}
        />
        <DateInput label={t('messages.list.to')} value={filter.to} onChange={(to) => set({ to })} {...dateProps} />
        <SegmentedControl
          aria-label={t('messages.list.archived')}
          value={filter.archived}
          onChange={(archived) => set({ archived: archived as MessageListFilter['archived'] })}
          data={[
            { value: 'false', label: t('messages.list.current') },
            { value: 'true', label: t('messages.list.archivedOnly') },
            { value: 'all', label: t('messages.list.all') },
          ]}
        />
      </Group>
      {list.isLoading && <Loader />}
      {list.isError && <Alert color="red">{describeProblem(list.error)}</Alert>}
      {list.data && items.length === 0 && <Text c="dimmed">{t('messages.list.empty')}</Text>}
      <Stack gap="sm">
        {items.map((m) => (
          <MessageCard key={m.id} message={m} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('messages.inbox.loadMore')}
          </Button>
        </Group>
      )}
    </Container>
  );
}
