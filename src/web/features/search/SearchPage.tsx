import { Alert, Button, Group, Loader, Paper, Skeleton, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { EmptyState } from '@mantine/core';
import { IconSearch, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { WriteMessageButton } from '@web/features/messages/WriteMessageButton';
import { PageHeader } from '@web/ui/components/PageHeader';
import { describeError } from '@web/ui/form-errors';
import { useSearch } from './search-api';
import { groupResults, newCustomerPath, resultPath } from './search-helpers';
import { SearchResultContent } from './SearchResultContent';

/** /search?q=…: the search bar's results on a page of their own, to share or come back to. */
export default function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const search = useSearch(query, { limit: 50 });
  const groups = groupResults(search.active ? (search.data?.results ?? []) : []);
  const total = groups.contacts.length + groups.vehicles.length + groups.letters.length;

  function handleChange(value: string) {
    setQuery(value);
    setParams(value.trim() ? { q: value } : {}, { replace: true });
  }

  return (
    <>
      <PageHeader title={t('search.pageTitle')} />
      <TextInput
        size="lg"
        value={query}
        onChange={(event) => handleChange(event.currentTarget.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch size={20} stroke={1.6} />}
        rightSection={search.busy ? <Loader size="xs" /> : null}
        autoFocus
        mb="lg"
      />
      {search.isError && (
        <Alert color="red" mb="md">
          {describeError(search.error)}
        </Alert>
      )}
      {!search.active && (
        <Text c="dimmed" ta="center" py="xl">
          {t('search.startHint')}
        </Text>
      )}
      {search.active && search.isPending && (
        <Stack gap="xs">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={56} radius="md" />
          ))}
        </Stack>
      )}
      {search.active && search.isSuccess && !search.busy && total === 0 && (
        <Paper withBorder radius="lg" py={40}>
          <EmptyState
            variant="light"
            color="gray"
            icon={<IconUserSearch />}
            title={t('search.noHits')}
            description={t('search.noHitsText', { query: query.trim() })}
          >
            <EmptyState.Actions>
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => void navigate(newCustomerPath(query))}>
                {t('search.createCustomer')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      <Stack gap="lg">
        {[
          { key: 'contacts', label: t('search.groupContacts'), items: groups.contacts },
          { key: 'vehicles', label: t('search.groupVehicles'), items: groups.vehicles },
          { key: 'letters', label: t('search.groupLetters'), items: groups.letters },
        ]
          .filter((section) => section.items.length > 0)
          .map((section) => (
            <Stack key={section.key} gap={6}>
              <Group justify="space-between">
                <Text fw={700} size="sm" tt="uppercase" c="dimmed">
                  {section.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('search.count', { count: section.items.length })}
                </Text>
              </Group>
              <Paper withBorder radius="md">
                {section.items.map((result) => (
                  <Group
                    key={result.id}
                    gap="xs"
                    wrap="nowrap"
                    pr="sm"
                    style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                  >
                    <UnstyledButton component={Link} to={resultPath(result)} display="block" px="md" py="sm" flex={1}>
                      <SearchResultContent result={result} />
                    </UnstyledButton>
                    {result.type === 'contact' && (
                      <WriteMessageButton
                        size="compact-xs"
                        variant="subtle"
                        customer={{ id: result.id, displayName: result.title, customerNumber: result.customerNumber }}
                        blocked={result.blocked}
                        aria-label={t('search.messageFor', { name: result.title })}
                      />
                    )}
                  </Group>
                ))}
              </Paper>
            </Stack>
          ))}
      </Stack>
    </>
  );
}
