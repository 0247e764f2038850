import type { Deps } from '@server/deps';
import type { MailService } from '@server/integrations/mail/service';
import type { JobsService } from '@server/jobs/service';
import type { ContactsService, MergeHooks } from '@server/modules/contacts';
import type { NotificationsService } from '@server/modules/notifications';
import type { OrgService } from '@server/modules/org';
import type { VehiclesService } from '@server/modules/vehicles';
import type { ActivitiesPort, AssignmentPort, CorrespondencePort, InboundThreadPort, TemplatesPort } from './ports';
import { createTakenInListeners, type TakenInListeners } from './taken-in';
import type { TypeSettingsService } from './type-settings';

export interface RequestsDeps {
  org: OrgService;
  contacts: ContactsService;
  vehicles: VehiclesService;
  assignment: AssignmentPort;
  templates: Partial<TemplatesPort>;
  activities: ActivitiesPort;
  /** Optional: without it an e-mail attempt can only be noted, not sent. */
  correspondence?: CorrespondencePort;
  /** The customer's mails on a request (mailbox intake), for a reply's threading headers. */
  inboundThread?: InboundThreadPort;
  jobs: JobsService;
  mail: MailService;
  notifications: NotificationsService;
  mergeHooks: MergeHooks;
}

/** Everything the parts of this module share. */
export interface RequestsContext extends Omit<RequestsDeps, 'assignment' | 'templates'> {
  deps: Deps;
  assignment: AssignmentPort;
  templates: Partial<TemplatesPort>;
  typeSettings: TypeSettingsService;
  /** Told of every request taken in, in the intake's transaction. */
  takenIn: TakenInListeners;
}

export function createContext(deps: Deps, modules: RequestsDeps, typeSettings: TypeSettingsService): RequestsContext {
  return {
    ...modules,
    deps,
    typeSettings,
    takenIn: createTakenInListeners(),
    assignment: modules.assignment,
    templates: modules.templates,
  };
}
