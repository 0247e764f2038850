import type { Deps } from '../../deps';
import type { MailService } from '../../integrations/mail/service';
import type { JobsService } from '../../jobs/service';
import type { OrgService } from '../org/service';

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService(_deps: Deps, _org: OrgService, _jobs: JobsService, _mail: MailService) {
  return {};
}
