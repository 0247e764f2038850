import { Skeleton, Stack } from '@mantine/core';

/** Placeholder in the shape of a page: title, line, table. */
export function PageLoader() {
  return (
    <Stack gap="md" aria-busy="true">
      <Skeleton height={32} width="40%" radius="sm" />
      <Skeleton height={16} width="60%" radius="sm" />
      <Skeleton height={240} mt="md" />
    </Stack>
  );
}
