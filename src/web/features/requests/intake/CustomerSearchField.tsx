import { Badge, Combobox, Group, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';
import { useSearch } from '@web/features/search/search-api';

export const NEW_CUSTOMER = '__new__';

interface CustomerSearchFieldProps {
  initialQuery?: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  label?: string;
  /** For lookups where no customer is fine: no asterisk and no "new customer" option. */
  optional?: boolean;
  /** A customer (or a vehicle with its owner) was picked. */
  onPick(hit: SearchResult): void;
  /** "Neuer Kunde": the typed text becomes the start of the new customer's data. */
  onNewCustomer(query: string): void;
}

/**
 * Search-as-you-type over the same index as the search bar. The best hit is
 * preselected, so Enter picks it; the last option creates a new customer.
 */
export function CustomerSearchField(props: CustomerSearchFieldProps) {
  const { initialQuery = '', error, inputRef, autoFocus, label, optional, onPick, onNewCustomer } = props;
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [query, setQuery] = useState(initialQuery);
  const search = useSearch(query, { limit: 8 });
  const hits = (search.active ? (search.data?.results ?? []) : []).filter((hit) => hit.contactId);

  // New results: preselect the best one so Enter takes it. The store is a new object on every
  // render, so it is left out of the dependencies; only new results should move the selection.
  const resultCount = hits.length;
  useEffect(() => {
    if (resultCount > 0) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.data, resultCount]);

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(value) => {
        combobox.closeDropdown();
        if (value === NEW_CUSTOMER) return onNewCustomer(query);
        const hit = hits.find((candidate) => candidate.id === value);
        if (hit) onPick(hit);
      }}
    >
      <Combobox.Target>
        <InputBase
          ref={inputRef}
          label={label ?? t('requests.intake.customer')}
          description={optional ? undefined : t('requests.intake.customerHint')}
          withAsterisk={!optional}
          autoFocus={autoFocus}
          value={query}
          error={error}
          placeholder={t('requests.intake.customerPlaceholder')}
          rightSection={search.busy ? <Loader size="xs" /> : null}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => query.trim() && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!query.trim()}>
        <Combobox.Options>
          {hits.map((hit) => (
            <Combobox.Option key={hit.id} value={hit.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <div>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {hit.title}
                    </Text>
                    {hit.blocked && (
                      <Badge size="xs" color="red">
                        {t('requests.list.blockedShort')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {hit.subtitle}
                  </Text>
                </div>
                {hit.type === 'vehicle' && (
                  <Badge size="xs" variant="light" tt="none">
                    {t('requests.intake.vehicleHit')}
                  </Badge>
                )}
              </Group>
            </Combobox.Option>
          ))}
          {search.active && hits.length === 0 && !search.busy && <Combobox.Empty>{t('search.noHits')}</Combobox.Empty>}
          {!optional && (
            <Combobox.Option value={NEW_CUSTOMER}>
              <Group gap={6} c="blue.7">
                <IconUserPlus size={16} />
                <Text size="sm" fw={600}>
                  {t('requests.intake.newCustomer')}
                </Text>
              </Group>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** What the receptionist typed, split into the new customer's fields: a number is a phone, else a name. */
export function splitQuery(query: string) {
  const text = query.trim();
  if (/^[+\d][\d\s/()-]{4,}$/.test(text)) return { firstName: '', lastName: '', phone: text, email: '' };
  if (text.includes('@')) return { firstName: '', lastName: '', phone: '', email: text };
  const parts = text.split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : (parts.pop() ?? '');
  return { firstName: parts.join(' '), lastName, phone: '', email: '' };
}
