import type { z } from 'zod';
import type {
  AbsenceInput,
  Absence,
  AssignmentDecision,
  AssignmentRule,
  PresenceEntry,
} from '@shared/requests/assignment';
import type { MonitoringReport, MonitoringRow } from '@shared/requests/monitoring';
import type {
  Attempt,
  CustomerRequest,
  NextStep,
  RequestEvent,
  RequestListItem,
  RequestPage,
  WorkListCounts,
} from '@shared/requests/schemas';
import type { RenderedTemplate, Template } from '@shared/requests/templates';

export type { CustomerRequest, RequestListItem };
export type RequestPageData = z.infer<typeof RequestPage>;
export type AttemptData = z.infer<typeof Attempt>;
export type NextStepData = z.infer<typeof NextStep>;
export type RequestEventData = z.infer<typeof RequestEvent>;
export type WorkListCountsData = z.infer<typeof WorkListCounts>;
export type RenderedTemplateData = z.infer<typeof RenderedTemplate>;
export type TemplateData = z.infer<typeof Template>;
export type AssignmentRuleData = z.infer<typeof AssignmentRule>;
export type AssignmentDecisionData = z.infer<typeof AssignmentDecision>;
export type AbsenceData = z.infer<typeof Absence>;
export type AbsenceInputData = z.input<typeof AbsenceInput>;
export type PresenceEntryData = z.infer<typeof PresenceEntry>;
export type MonitoringReportData = z.infer<typeof MonitoringReport>;
export type MonitoringRowData = z.infer<typeof MonitoringRow>;

export type WorkListScope = 'mine' | 'team' | 'location' | 'all';

export interface WorkListFilters {
  scope: WorkListScope;
  status: string;
  type?: string;
  overdue?: 'true';
  /** Still due before today ends. */
  due?: 'today';
  unassigned?: 'true';
  locationId?: string;
  assigneeId?: string;
  /** Words in the number, subject, message or a scanned letter's text. */
  q?: string;
}
