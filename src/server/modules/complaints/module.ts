import type { z } from 'zod';
import type { ComplaintReportQuery } from '@shared/complaints/schemas';
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import { renderComplaintPdf } from './export-pdf';
import { complaintReport } from './report';
import { type ComplaintsPorts, createComplaintsService } from './service';

export type ComplaintsModule = ReturnType<typeof createComplaintsModule>;

/** The complaints service with its report and its PDF case file. */
export function createComplaintsModule(deps: Deps, ports: ComplaintsPorts) {
  const service = createComplaintsService(deps, ports);
  return {
    ...service,

    async report(actor: UserActor, query: z.output<typeof ComplaintReportQuery>) {
      return complaintReport(deps.db, actor, query, {
        allLocations: async () =>
          (await ports.org.listLocations()).map((l) => ({
            id: l.id,
            name: l.name,
            calendar: { openingHours: l.openingHours, federalState: l.federalState },
          })),
      });
    },

    async pdf(actor: UserActor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
      const row = await service.visible(actor, id);
      const complaint = await service.presentIn(deps.db, row);
      const pdf = await renderComplaintPdf(deps.db, complaint, deps.clock.now());
      return { pdf, fileName: `Reklamation ${complaint.number}.pdf` };
    },
  };
}
