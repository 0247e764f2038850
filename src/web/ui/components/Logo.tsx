import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface LogoProps {
  size?: 'sm' | 'lg';
  /** White mark for dark backgrounds. */
  inverted?: boolean;
}

/** Product mark and name, used in the header and on the login page. */
export function Logo({ size = 'sm', inverted = false }: LogoProps) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 8} wrap="nowrap">
      <ThemeIcon size={large ? 44 : 32} radius="md" variant={inverted ? 'white' : 'filled'} aria-hidden>
        <IconCar size={large ? 26 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={750} fz={large ? 26 : 'lg'} lh={1} style={{ letterSpacing: '-0.02em' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
