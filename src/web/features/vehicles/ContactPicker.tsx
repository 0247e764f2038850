import { Combobox, Group, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';
import { useSearch } from '../search/search-api';

interface ContactPickerProps {
  label: string;
  value: SearchResult | null;
  onChange(contact: SearchResult | null): void;
  error?: string | null;
  /** Marked as required; false where the customer is optional. */
  required?: boolean;
}

/** Finds a customer by name, phone or customer number, like the search bar; only customers are offered. */
export function ContactPicker({ label, value, onChange, error, required = true }: ContactPickerProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [query, setQuery] = useState('');
  const search = useSearch(query, { limit: 10 });
  const contacts = (search.active ? (search.data?.results ?? []) : []).filter((result) => result.type === 'contact');

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(id) => {
        const picked = contacts.find((contact) => contact.id === id) ?? null;
        onChange(picked);
        setQuery(picked?.title ?? '');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <InputBase
          label={label}
          withAsterisk={required}
          value={query}
          error={error}
          placeholder={t('vehicles.transfer.searchPlaceholder')}
          rightSection={search.busy ? <Loader size="xs" /> : null}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          data-autofocus
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!search.active}>
        <Combobox.Options>
          {contacts.length === 0 && !search.busy && <Combobox.Empty>{t('search.noHits')}</Combobox.Empty>}
          {contacts.map((contact) => (
            <Combobox.Option key={contact.id} value={contact.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {contact.title}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {contact.subtitle}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
