import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/ui/api';
import type { Vehicle } from '../customers/types';

export const vehicleKey = (id: string) => ['vehicles', 'detail', id] as const;

export function useVehicle(id: string) {
  return useQuery({ queryKey: vehicleKey(id), queryFn: ({ signal }) => api.get<Vehicle>(`/vehicles/${id}`, signal) });
}

/** A vehicle change shows on its page, its contacts' records and their timelines. */
function useVehicleChanged() {
  const queryClient = useQueryClient();
  return (vehicle?: Vehicle) => {
    if (vehicle) queryClient.setQueryData(vehicleKey(vehicle.id), vehicle);
    void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
    void queryClient.invalidateQueries({ queryKey: ['contacts', 'detail'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useSaveVehicle(id?: string) {
  const changed = useVehicleChanged();
  return useMutation({
    mutationFn: (body: unknown) =>
      id ? api.patch<Vehicle>(`/vehicles/${id}`, body) : api.post<Vehicle>('/vehicles', body),
    onSuccess: (vehicle) => changed(vehicle),
  });
}

export function useTransferVehicle(id: string) {
  const changed = useVehicleChanged();
  return useMutation({
    mutationFn: (body: { toContactId: string; role: string; at?: string }) =>
      api.post<Vehicle>(`/vehicles/${id}/transfer`, body),
    onSuccess: (vehicle) => changed(vehicle && typeof vehicle === 'object' && 'id' in vehicle ? vehicle : undefined),
  });
}
