import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ActivityReport } from '@shared/activities/report';
import type { Trend } from '@shared/requests/home';
import type { SalesFunnelReport } from '@shared/sales/funnel';
import type { MONITORING_MEASURES, MonitoringGroupBy } from '@shared/requests/monitoring';
import { api } from '@web/ui/api';
import { toSearchParams } from '../customers/queries';
import type { MonitoringReportData, RequestListItem } from '../requests/types';

export interface ReportParams {
  from: string;
  to: string;
  groupBy: MonitoringGroupBy;
  locationId?: string;
  type?: string;
}

/** The figures a cell can be drilled into, as the server names them. */
export type Measure = (typeof MONITORING_MEASURES)[number];

/** The report's columns; all but the attempts lead to the requests behind them. */
export type Column =
  | 'received'
  | 'contactedWithinOneWorkingDay'
  | 'contactedWithinDeadline'
  | 'attempts'
  | 'open'
  | 'overdue'
  | 'done'
  | 'lost';

export const reportQueryString = (params: ReportParams) => toSearchParams({ ...params });

export function useMonitoringReport(params: ReportParams) {
  return useQuery({
    queryKey: ['reports', 'monitoring', params],
    queryFn: ({ signal }) => api.get<MonitoringReportData>(`/reports/monitoring?${reportQueryString(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDrillDown(params: ReportParams, cell: { key: string; measure: Measure } | null) {
  return useQuery({
    queryKey: ['reports', 'monitoring', 'requests', params, cell],
    queryFn: async ({ signal }) => {
      const query = toSearchParams({ ...params, key: cell?.key, measure: cell?.measure });
      return api.get<RequestListItem[]>(`/reports/monitoring/requests?${query}`, signal);
    },
    enabled: cell !== null,
  });
}

/** Activities due in the period at the chosen location (or all of the caller's), per person and per type. */
export function useActivityReport({ from, to, locationId }: ReportParams) {
  return useQuery({
    queryKey: ['reports', 'activities', { from, to, locationId }],
    queryFn: ({ signal }) =>
      api.get<ActivityReport>(`/reports/activities?${toSearchParams({ from, to, locationId })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The last eight weeks per location (of one location when chosen). */
export function useTrend(locationId?: string) {
  return useQuery({
    queryKey: ['reports', 'trend', locationId ?? null],
    queryFn: ({ signal }) => api.get<Trend>(`/reports/trend${locationId ? `?locationId=${locationId}` : ''}`, signal),
    placeholderData: keepPreviousData,
  });
}

export interface FunnelParams {
  from: string;
  to: string;
  locationId?: string;
  ownerId?: string;
  source?: string;
}

export const funnelQueryString = (params: FunnelParams) => toSearchParams({ ...params });

export function useSalesFunnel(params: FunnelParams) {
  return useQuery({
    queryKey: ['reports', 'sales-funnel', params],
    queryFn: ({ signal }) => api.get<SalesFunnelReport>(`/reports/sales-funnel?${funnelQueryString(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}
