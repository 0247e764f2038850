import { Badge, Button, Center, EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface StatusPageProps {
  icon: ReactNode;
  title: string;
  description: string;
  badge?: string;
  color?: string;
  /** A link back to somewhere useful, so that no page is a dead end. */
  action?: { label: string; to: string };
}

/** A friendly full-width message: empty module, no access, page not found. */
export function StatusPage({ icon, title, description, badge, color, action }: StatusPageProps) {
  return (
    <Center py={{ base: 'xl', sm: 64 }}>
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={560} w="100%">
        <EmptyState size="lg" variant="light" color={color} icon={icon}>
          <EmptyState.Title order={1}>{title}</EmptyState.Title>
          <EmptyState.Description>{description}</EmptyState.Description>
          {(badge || action) && (
            <EmptyState.Actions>
              {badge && (
                <Badge variant="light" color={color} size="lg">
                  {badge}
                </Badge>
              )}
              {action && (
                <Button component={Link} to={action.to} variant="light">
                  {action.label}
                </Button>
              )}
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Paper>
    </Center>
  );
}
