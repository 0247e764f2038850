import { useQuery } from '@tanstack/react-query';
import type { ManagerHome, StaffHome } from '@shared/requests/home';
import { api } from '@web/ui/api';

/** Often enough that the counts follow the day, rarely enough not to matter for the server. */
const HOME_REFRESH_MS = 60_000;

export function useStaffHome(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'staff'],
    queryFn: ({ signal }) => api.get<StaffHome>('/home/staff', signal),
    refetchInterval: HOME_REFRESH_MS,
    enabled,
  });
}

export function useManagerHome(locationId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'manager', locationId],
    queryFn: ({ signal }) =>
      api.get<ManagerHome>(`/home/manager${locationId ? `?locationId=${locationId}` : ''}`, signal),
    refetchInterval: HOME_REFRESH_MS,
    enabled,
  });
}
