import { Box, Button, Group } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';
import { SearchResultContent } from './SearchResultContent';
import classes from './SearchSpotlight.module.css';
import { groupResults } from './search-helpers';

interface SearchResultsListProps {
  results: readonly SearchResult[];
  selectedIndex: number;
  /** Id prefix for the options, so the input can point at the selected one (aria-activedescendant). */
  idPrefix: string;
  onSelect(index: number): void;
  onOpen(result: SearchResult): void;
  /** "Mitteilung" beside each customer: writes an internal message about them (absent for read-only roles). */
  onMessage?(result: SearchResult): void;
}

/** The order in which arrow keys walk through the results: customers, then vehicles, then letters. */
export function orderedResults(results: readonly SearchResult[]) {
  const groups = groupResults(results);
  return [...groups.contacts, ...groups.vehicles, ...groups.letters];
}

/** Results grouped into customers and vehicles, as a listbox the arrow keys move through. */
export function SearchResultsList({
  results,
  selectedIndex,
  idPrefix,
  onSelect,
  onOpen,
  onMessage,
}: SearchResultsListProps) {
  const { t } = useTranslation();
  const groups = groupResults(results);
  useEffect(() => {
    // Keep the keyboard selection visible in a long list (jsdom has no scrollIntoView).
    document.getElementById(`${idPrefix}-option-${selectedIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [idPrefix, selectedIndex]);
  const sections = [
    { key: 'contacts', label: t('search.groupContacts'), items: groups.contacts, offset: 0 },
    { key: 'vehicles', label: t('search.groupVehicles'), items: groups.vehicles, offset: groups.contacts.length },
    {
      key: 'letters',
      label: t('search.groupLetters'),
      items: groups.letters,
      offset: groups.contacts.length + groups.vehicles.length,
    },
  ].filter((section) => section.items.length > 0);

  return (
    <Box role="listbox" id={`${idPrefix}-list`} aria-label={t('search.resultsLabel')} px={6} pb={6}>
      {sections.map((section) => (
        <Fragment key={section.key}>
          <div className={classes.groupLabel} role="presentation">
            {section.label}
          </div>
          {section.items.map((result, index) => {
            const position = section.offset + index;
            const selected = position === selectedIndex;
            return (
              <Box
                key={`${result.type}-${result.id}`}
                id={`${idPrefix}-option-${position}`}
                role="option"
                aria-selected={selected}
                data-selected={selected || undefined}
                className={classes.option}
                style={{ cursor: 'pointer' }}
                onMouseMove={() => !selected && onSelect(position)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onOpen(result)}
              >
                {onMessage && result.type === 'contact' ? (
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Box style={{ flex: 1, minWidth: 0 }}>
                      <SearchResultContent result={result} />
                    </Box>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconMessagePlus size={14} />}
                      tabIndex={-1}
                      aria-label={t('search.messageFor', { name: result.title })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onMessage(result);
                      }}
                    >
                      {t('messages.open')}
                    </Button>
                  </Group>
                ) : (
                  <SearchResultContent result={result} />
                )}
              </Box>
            );
          })}
        </Fragment>
      ))}
    </Box>
  );
}
