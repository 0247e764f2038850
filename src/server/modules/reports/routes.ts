import { SalesFunnelQuery, SalesFunnelReport } from '@shared/sales/funnel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityReport, ActivityReportQuery } from '@shared/activities/report';
import { ManagerHome, ManagerHomeQuery, StaffHome, Trend } from '@shared/requests/home';
import { MonitoringDrillQuery, MonitoringQuery, MonitoringReport } from '@shared/requests/monitoring';
import { RequestListItem } from '@shared/requests/schemas';
import { currentUser } from '@server/http/access';
import type { Services } from '@server/services';
import { rolesFor } from '@shared/auth/policies';

const REPORT_ROLES = rolesFor('reports.read');
const STAFF = rolesFor('reports.staffHome');

export async function reportsRoutes(root: FastifyInstance, { reports }: Services) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/reports/sales-funnel', {
    config: { access: { roles: ['admin', 'manager', 'sales'] } },
    schema: {
      tags: ['reports'],
      summary: 'The sales funnel of a period per location, consultant and source, with lost reasons and open pipeline',
      querystring: SalesFunnelQuery,
      response: { 200: SalesFunnelReport },
    },
    handler: (request) => reports.salesFunnel(currentUser(request), request.query),
  });

  app.get('/api/reports/sales-funnel.csv', {
    config: { access: { roles: ['admin', 'manager', 'sales'] } },
    schema: { tags: ['reports'], summary: 'The sales funnel as CSV for Excel', querystring: SalesFunnelQuery },
    handler: async (request, reply) => {
      const csv = await reports.salesFunnelCsv(currentUser(request), request.query);
      const name = `verkaufstrichter_${request.query.from}_${request.query.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  });

  app.get('/api/reports/monitoring', {
    config: { access: { roles: REPORT_ROLES } },
    schema: {
      tags: ['reports'],
      summary: 'Daily request monitoring per location, team or person (managers: their locations)',
      querystring: MonitoringQuery,
      response: { 200: MonitoringReport },
    },
    handler: (request) => reports.monitoring(currentUser(request), request.query),
  });

  app.get('/api/reports/monitoring.csv', {
    config: { access: { roles: REPORT_ROLES } },
    schema: { tags: ['reports'], summary: 'The monitoring as CSV for Excel', querystring: MonitoringQuery },
    handler: async (request, reply) => {
      const csv = await reports.monitoringCsv(currentUser(request), request.query);
      const name = `monitoring_${request.query.from}_${request.query.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  });

  app.get('/api/reports/activities', {
    config: { access: { roles: REPORT_ROLES } },
    schema: {
      tags: ['reports'],
      summary:
        'Activities due in a period per person and per type: planned, done, overdue; appointments from requests kept',
      querystring: ActivityReportQuery,
      response: { 200: ActivityReport },
    },
    handler: (request) => reports.activities(currentUser(request), request.query),
  });

  app.get('/api/reports/monitoring/requests', {
    config: { access: { roles: REPORT_ROLES } },
    schema: {
      tags: ['reports'],
      summary: 'The requests behind one figure of the monitoring (at most 200, newest first)',
      querystring: MonitoringDrillQuery,
      response: { 200: z.array(RequestListItem) },
    },
    handler: (request) => reports.monitoringRequests(currentUser(request), request.query),
  });

  app.get('/api/home/staff', {
    config: { access: { roles: STAFF } },
    schema: {
      tags: ['reports'],
      summary: 'My home page: my overdue and due-today requests, my live calls, my week',
      response: { 200: StaffHome },
    },
    handler: (request) => reports.home.staff(currentUser(request)),
  });

  app.get('/api/home/manager', {
    config: { access: { roles: REPORT_ROLES } },
    schema: {
      tags: ['reports'],
      summary: "A location's home page (default: my home location): open, overdue, unassigned, today's leads, the week",
      querystring: ManagerHomeQuery,
      response: { 200: ManagerHome },
    },
    handler: (request) => reports.home.manager(currentUser(request), request.query.locationId),
  });

  app.get('/api/reports/trend', {
    config: { access: { roles: REPORT_ROLES } },
    schema: {
      tags: ['reports'],
      summary: 'The last eight weeks per location: first contact within one working day, deadlines missed',
      querystring: ManagerHomeQuery,
      response: { 200: Trend },
    },
    handler: (request) => reports.home.trend(currentUser(request), request.query.locationId),
  });
}
