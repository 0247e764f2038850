import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** Empty state of a section whose module comes later (requests, activities). */
export function ComingSoon({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  return <EmptyState variant="light" color="gray" icon={icon} title={title} description={text} py="xl" />;
}
