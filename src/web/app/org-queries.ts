import { useQuery } from '@tanstack/react-query';
import type { Location } from '@shared/org/schemas';
import { api } from '@web/ui/api';

export const LOCATIONS_KEY = ['locations'] as const;

/** All locations; every user may read them (names for pickers, the dashboard, …). */
export function useLocations() {
  return useQuery({
    queryKey: LOCATIONS_KEY,
    queryFn: ({ signal }) => api.get<Location[]>('/locations', signal),
    staleTime: 5 * 60_000,
  });
}
