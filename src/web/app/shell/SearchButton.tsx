import { ActionIcon, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openSearch } from '@web/features/search/SearchSpotlight';
import classes from './SearchButton.module.css';

export function SearchButton() {
  const { t } = useTranslation();
  return (
    <>
      <UnstyledButton className={classes.button} onClick={openSearch} visibleFrom="sm" aria-keyshortcuts="Control+K">
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} stroke={1.8} />
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {t('search.button')}
          </Text>
          <Kbd size="xs">{t('search.shortcut')}</Kbd>
        </Group>
      </UnstyledButton>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        onClick={openSearch}
        hiddenFrom="sm"
        aria-label={t('search.button')}
      >
        <IconSearch size={20} />
      </ActionIcon>
    </>
  );
}
