import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DemoVehicle, DemoVehicleBlock, Schedule, SlotConflict, TestDrive } from '@shared/sales/test-drives';
import { ApiError, api } from '@web/ui/api';

export type { DemoVehicle, Schedule, SlotConflict, TestDrive };

export const TEST_DRIVES_KEY = ['test-drives'] as const;
const DEMO_KEY = ['demo-vehicles'] as const;

export interface Booked {
  testDrive: TestDrive;
  warnings: Array<{ code: 'consultant_busy'; subject: string; startsAt: string }>;
  invitation?: { sent: boolean; problem: string | null };
}

/** A location's cars with bookings and blocks in [from, to). */
export function useSchedule(locationId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: [...TEST_DRIVES_KEY, 'schedule', locationId, from, to],
    queryFn: ({ signal }) =>
      api.get<Schedule>(
        `/locations/${locationId}/test-drive-schedule?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        signal,
      ),
    enabled: Boolean(locationId),
    placeholderData: keepPreviousData,
  });
}

export function useTestDrive(id: string | null) {
  return useQuery({
    queryKey: [...TEST_DRIVES_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<TestDrive>(`/test-drives/${id}`, signal),
    enabled: Boolean(id),
  });
}

export function useOpportunityTestDrives(opportunityId: string) {
  return useQuery({
    queryKey: [...TEST_DRIVES_KEY, 'opportunity', opportunityId],
    queryFn: ({ signal }) => api.get<{ items: TestDrive[] }>(`/test-drives?opportunityId=${opportunityId}`, signal),
  });
}

export function useDemoVehicles(locationId: string | null, includeInactive = false) {
  return useQuery({
    queryKey: [...DEMO_KEY, locationId, includeInactive],
    queryFn: ({ signal }) =>
      api.get<{ items: DemoVehicle[] }>(
        `/demo-vehicles?locationId=${locationId}${includeInactive ? '&includeInactive=true' : ''}`,
        signal,
      ),
    enabled: Boolean(locationId),
  });
}

function useInvalidating<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: TEST_DRIVES_KEY });
      void client.invalidateQueries({ queryKey: DEMO_KEY });
      void client.invalidateQueries({ queryKey: ['activities'] });
      void client.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
}

export const useBookTestDrive = () =>
  useInvalidating((body: Record<string, unknown>) => api.post<Booked>('/test-drives', body));

export const useTestDriveAction = (id: string) =>
  useInvalidating(({ action, body }: { action: 'move' | 'cancel' | 'out' | 'back' | 'licence'; body: unknown }) =>
    action === 'licence'
      ? api.put<TestDrive>(`/test-drives/${id}/licence`, body)
      : api.post<TestDrive>(`/test-drives/${id}/${action}`, body),
  );

export const useSaveDemoVehicle = () =>
  useInvalidating(({ id, body }: { id?: string; body: Record<string, unknown> }) =>
    id ? api.patch<DemoVehicle>(`/demo-vehicles/${id}`, body) : api.post<DemoVehicle>('/demo-vehicles', body),
  );

export const useAddBlock = () =>
  useInvalidating(({ id, body }: { id: string; body: Record<string, unknown> }) =>
    api.post<DemoVehicleBlock>(`/demo-vehicles/${id}/blocks`, body),
  );

export const useRemoveBlock = () =>
  useInvalidating(({ id, blockId }: { id: string; blockId: string }) =>
    api.delete(`/demo-vehicles/${id}/blocks/${blockId}`),
  );

/** The booking or block in the way, when the server refused a slot. */
export function conflictOf(error: unknown): SlotConflict | null {
  if (error instanceof ApiError && error.status === 409 && error.problem.conflict) {
    return error.problem.conflict as SlotConflict;
  }
  return null;
}
