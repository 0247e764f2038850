import { Anchor, Button, Group, Kbd, Loader, ScrollArea, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconSearch, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import type { SearchResult } from '@shared/search/schemas';
import { useCurrentUser } from '@web/app/auth';
import type { MessageCustomer } from '@web/features/messages/MessageDialog';
import { describeError } from '@web/ui/form-errors';
import { useSearch } from './search-api';
import { newCustomerPath, resultPath } from './search-helpers';
import { orderedResults, SearchResultsList } from './SearchResultsList';
import classes from './SearchSpotlight.module.css';

// The message form is opened from a result now and then: loaded when it is.
const MessageDialog = lazy(() =>
  import('@web/features/messages/MessageDialog').then((m) => ({ default: m.MessageDialog })),
);

/**
 * The search dialog's own store: the query lives here, so opening can empty it
 * in the same step. Clearing it only after the closing animation (Mantine's
 * default) let a quick Esc, Ctrl+K keep the old query and append the new one.
 */
const [searchStore] = createSpotlight();
/** Until the field has focus, keys typed belong to the new query, not to the page under the dialog. */
let awaitingFocus = false;

export const openSearch = () => {
  awaitingFocus = true;
  searchStore.setState((state) => ({ ...state, opened: true, selected: -1, query: '' }));
};
const closeSearch = () => searchStore.setState((state) => ({ ...state, opened: false }));
const setQuery = (query: string) => searchStore.setState((state) => ({ ...state, query }));

const isShortcut = (event: globalThis.KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
const isTyping = (event: globalThis.KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

/**
 * Ctrl+K (Cmd+K on a Mac) from anywhere, even from inside a form field; what is
 * typed the instant the dialog opens, before its field has focus, is kept.
 */
function handleGlobalKeyDown(event: globalThis.KeyboardEvent) {
  const { opened, query } = searchStore.getState();
  if (isShortcut(event)) {
    event.preventDefault();
    if (!opened) openSearch();
  } else if (opened && awaitingFocus && isTyping(event)) {
    event.preventDefault();
    event.stopPropagation();
    setQuery(query + event.key);
  }
}

/**
 * Global search: type a name, phone number, customer number, plate or VIN,
 * pick with the arrow keys, open with Enter.
 */
export function SearchSpotlight() {
  const me = useCurrentUser();
  // The message form outlives the search dialog, which closes when it opens.
  const [messageFor, setMessageFor] = useState<(MessageCustomer & { blocked: boolean }) | null>(null);
  const writeMessage = can(me.role, 'messages.write')
    ? (result: SearchResult) => {
        closeSearch();
        setMessageFor({
          id: result.id,
          displayName: result.title,
          customerNumber: result.customerNumber,
          blocked: result.blocked,
        });
      }
    : undefined;
  useEffect(() => {
    document.addEventListener('keydown', handleGlobalKeyDown, true);
    return () => {
      document.removeEventListener('keydown', handleGlobalKeyDown, true);
      // The store outlives the app shell (logout, tests): the next one starts closed and empty.
      searchStore.setState((state) => ({ ...state, opened: false, query: '' }));
    };
  }, []);
  return (
    <>
      <Spotlight.Root store={searchStore} shortcut={null} clearQueryOnClose={false} size={680}>
        <SearchDialogBody onMessage={writeMessage} />
      </Spotlight.Root>
      {messageFor && (
        <Suspense fallback={null}>
          <MessageDialog
            opened
            onClose={() => setMessageFor(null)}
            customer={messageFor}
            blocked={messageFor.blocked}
          />
        </Suspense>
      )}
    </>
  );
}

function SearchDialogBody({ onMessage }: { onMessage?: (result: SearchResult) => void }) {
  const { t } = useTranslation();
  const { query } = useSpotlight(searchStore);
  const navigate = useNavigate();
  const idPrefix = `search-${useId().replace(/:/g, '')}`;
  const search = useSearch(query);
  const results = search.active ? orderedResults(search.data?.results ?? []) : [];
  // The selection belongs to one answer; a new answer starts again at the top.
  const [selection, setSelection] = useState<{ answer: unknown; index: number }>({ answer: null, index: 0 });
  const selectedIndex = selection.answer === search.data ? Math.min(selection.index, results.length - 1) : 0;
  const select = (index: number) => setSelection({ answer: search.data, index });

  function go(path: string) {
    closeSearch();
    void navigate(path);
  }
  const open = (result: SearchResult) => go(resultPath(result));
  const noHits = search.active && !search.busy && search.isSuccess && results.length === 0;

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && results.length > 0) select((selectedIndex + 1) % results.length);
    else if (event.key === 'ArrowUp' && results.length > 0)
      select((selectedIndex - 1 + results.length) % results.length);
    else if (event.key === 'm' && event.altKey && onMessage) {
      // Alt+M: a message about the selected customer, without leaving the keyboard.
      const result = results[selectedIndex];
      if (result?.type === 'contact') {
        event.preventDefault();
        onMessage(result);
      }
    } else if (event.key === 'Enter') {
      const result = results[selectedIndex];
      if (result) open(result);
      else if (noHits) go(newCustomerPath(query));
    }
  }

  return (
    <>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch stroke={1.6} />}
        rightSection={search.busy ? <Loader size="xs" aria-label={t('search.searching')} /> : null}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onFocus={(event) => {
          awaitingFocus = false;
          // Letters typed before the focus arrived are in the field already: continue after them.
          const end = event.currentTarget.value.length;
          event.currentTarget.setSelectionRange(end, end);
        }}
        onKeyDown={handleKeyDown}
        data-autofocus
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={`${idPrefix}-list`}
        aria-activedescendant={results.length > 0 ? `${idPrefix}-option-${selectedIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {/* Our own list rather than Spotlight.ActionsList: results come from the server, and the
          keyboard selection must not be triggered twice by Spotlight's built-in Enter handling. */}
      {/* Scrolls only up and down: a long line (a letter's text) is cut with an ellipsis inside the
          dialog instead of widening the list past its edge and pushing the match label out of sight. */}
      <ScrollArea.Autosize
        mah="min(520px, 65dvh)"
        type="scroll"
        scrollbars="y"
        styles={{ content: { display: 'block', minWidth: 0 } }}
      >
        {!search.active && <StartHint />}
        {search.active && search.isPending && <ResultsSkeleton />}
        {search.isError && (
          <Text c="red" size="sm" p="md" role="alert">
            {describeError(search.error)}
          </Text>
        )}
        {results.length > 0 && (
          <SearchResultsList
            results={results}
            selectedIndex={selectedIndex}
            idPrefix={idPrefix}
            onSelect={select}
            onOpen={open}
            onMessage={onMessage}
          />
        )}
        {noHits && <NoHits query={query} onCreate={() => go(newCustomerPath(query))} />}
      </ScrollArea.Autosize>
      <Group className={classes.footer} justify="space-between" gap="xs">
        <Group gap={6} visibleFrom="sm">
          <Kbd size="xs">↑</Kbd>
          <Kbd size="xs">↓</Kbd>
          <Text size="xs" c="dimmed" mr="xs">
            {t('search.hintNavigate')}
          </Text>
          <Kbd size="xs">Enter</Kbd>
          <Text size="xs" c="dimmed" mr="xs">
            {t('search.hintOpen')}
          </Text>
          <Kbd size="xs">Esc</Kbd>
          <Text size="xs" c="dimmed">
            {t('search.hintClose')}
          </Text>
        </Group>
        {results.length > 0 && (
          <Anchor component={Link} to={`/search?q=${encodeURIComponent(query.trim())}`} size="xs" onClick={closeSearch}>
            {t('search.showAll')}
          </Anchor>
        )}
      </Group>
    </>
  );
}

function StartHint() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" ta="center" py="lg" px="md">
      {t('search.startHint')}
    </Text>
  );
}

function ResultsSkeleton() {
  return (
    <Stack gap="xs" p="sm" aria-busy="true">
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={44} radius="md" />
      ))}
    </Stack>
  );
}

function NoHits({ query, onCreate }: { query: string; onCreate(): void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="lg" px="lg">
      <ThemeIcon variant="light" color="gray" size={44} radius="xl" aria-hidden>
        <IconUserSearch size={24} />
      </ThemeIcon>
      <Text fw={600}>{t('search.noHits')}</Text>
      <Text size="sm" c="dimmed" ta="center" maw={400}>
        {t('search.noHitsText', { query: query.trim() })}
      </Text>
      <Button mt="xs" leftSection={<IconUserPlus size={16} />} onClick={onCreate}>
        {t('search.createCustomer')}
      </Button>
    </Stack>
  );
}
