import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding, IconCar, IconMail, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '@shared/search/schemas';

/** Matches on a plate or VIN read best in a fixed-width font, like on the papers. */
const MONOSPACE_MATCHES = new Set(['plate', 'vin']);

/** The subtitle as sent, with the customer number in front when the server left it out. */
function subtitleOf(result: SearchResult) {
  const parts = [result.subtitle ?? ''];
  if (result.customerNumber && !parts[0]?.includes(result.customerNumber)) parts.unshift(result.customerNumber);
  return parts.filter(Boolean).join(' · ');
}

function ResultIcon({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  if (result.type === 'vehicle') return <IconCar size={20} stroke={1.6} />;
  if (result.type === 'request') return <IconMail size={20} stroke={1.6} />;
  if (result.contactKind === 'company')
    return <IconBuilding size={20} stroke={1.6} aria-label={t('search.kindCompany')} role="img" />;
  return <IconUser size={20} stroke={1.6} />;
}

/** One search hit: icon, name, the line that tells people apart, what matched, and a block warning. */
export function SearchResultContent({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const vehicle = result.type === 'vehicle';
  const letter = result.type === 'request';
  return (
    <Group gap="sm" wrap="nowrap" w="100%">
      <ThemeIcon
        variant="light"
        color={result.blocked ? 'red' : vehicle ? 'grape' : letter ? 'orange' : 'autohaus'}
        size={36}
        radius="xl"
      >
        <ResultIcon result={result} />
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text
          size="sm"
          fw={600}
          truncate
          ff={vehicle && MONOSPACE_MATCHES.has(result.matchedOn) ? 'monospace' : undefined}
        >
          {letter ? t('search.letterTitle', { title: result.title }) : result.title}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {subtitleOf(result)}
        </Text>
      </Stack>
      <Group gap={6} wrap="nowrap">
        {result.blocked && (
          <Badge color="red" variant="filled" size="sm">
            {t('search.blocked')}
          </Badge>
        )}
        <Badge color="gray" variant="light" size="sm" tt="none" fw={500}>
          {t(`search.matched.${result.matchedOn}`)}
        </Badge>
      </Group>
    </Group>
  );
}
