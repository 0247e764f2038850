import { Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import classes from './QuickLinks.module.css';

interface StatTileProps {
  label: string;
  value: ReactNode;
  /** The list behind the figure, opened filtered. */
  to: string;
  hint?: ReactNode;
  tone?: 'alert' | 'warn';
}

/** One figure of the home page; the whole tile opens the list behind it. */
export function StatTile({ label, value, to, hint, tone }: StatTileProps) {
  const color = tone === 'alert' ? 'red.7' : tone === 'warn' ? 'orange.8' : undefined;
  return (
    <UnstyledButton component={Link} to={to} className={classes.tile} aria-label={`${label}: ${String(value)}`}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Group gap={8} align="baseline" wrap="nowrap">
        <Text fz={30} fw={700} lh={1.2} c={color}>
          {value}
        </Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Group>
    </UnstyledButton>
  );
}
