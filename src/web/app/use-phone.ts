import { useMediaQuery } from '@mantine/hooks';

/**
 * Below Mantine's "sm" breakpoint (48em, where the navigation folds into the
 * burger) lists show cards instead of tables. Read at once, so a phone never
 * renders the wide table first.
 */
export function usePhoneLayout(): boolean {
  return useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
}
