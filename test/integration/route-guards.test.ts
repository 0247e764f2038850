import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '@server/modules/imports/test-support';
import { multipartForm, SAMPLE_PDF } from '@test/support/multipart';
import { offerContent, tinyPdf } from '@server/modules/sales/offers/test-support';
import { ROLES, type Role } from '@shared/org/enums';
import { createTestApp, type TestApp, type TestClient } from '../support/app';
import { type Elsewhere, locationElsewhere } from '../support/elsewhere';

/**
 * Walks every API route the app registers, so a route added later is covered
 * without anyone remembering to: no session → 401, wrong role → 403, a bad
 * body or path parameter → 400 problem+json naming the field, and something
 * of another location → 403.
 */
let t: TestApp;
const clients = {} as Record<Role, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) clients[role] = await t.userWithRole(role);
});
afterAll(() => t.close());

const UUID = '00000000-0000-4000-8000-000000000000';

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; schema?: { enum?: string[] } }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};
const spec = () => t.app.swagger() as unknown as Spec;
const operation = (method: string, url: string) =>
  spec().paths[url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];

/** A path with valid-looking parameters: an enum parameter gets its first value, any other a UUID. */
function fill(url: string, method = 'GET') {
  const params = operation(method, url)?.parameters ?? [];
  return url.replace(
    /:([a-zA-Z]+)/g,
    (_, name: string) => params.find((p) => p.in === 'path' && p.name === name)?.schema?.enum?.[0] ?? UUID,
  );
}
const guarded = () => t.app.routeAccess.filter((r) => !('public' in r.access) && 'roles' in r.access);

type JsonSchema = { properties?: Record<string, { type?: string | string[] }>; required?: string[] };

function bodySchema(method: string, url: string): JsonSchema | undefined {
  return operation(method, url)?.requestBody?.content['application/json']?.schema;
}

describe('every route', () => {
  it('declares its access and at least one route exists per module', () => {
    const urls = t.app.routeAccess.map((r) => r.url);
    expect(urls).toContain('/api/users');
    expect(urls).toContain('/api/locations');
    expect(urls).toContain('/api/admin/api-keys');
  });

  it('answers 401 problem+json without a session', async () => {
    for (const route of guarded()) {
      const res = await t.anonymous.request({
        method: route.method as 'GET',
        url: fill(route.url, route.method),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 to every role the route does not admit', async () => {
    let checked = 0;
    for (const route of guarded()) {
      const access = route.access as { roles: readonly Role[] | 'any' };
      if (access.roles === 'any') continue;
      for (const outsider of ROLES.filter((r) => !(access.roles as readonly Role[]).includes(r))) {
        const res = await clients[outsider].request({
          method: route.method as 'GET',
          url: fill(route.url),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${outsider} → ${route.method} ${route.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('lets staff read the assignment rules, while only managers and admins may change or try them', () => {
    const rules = t.app.routeAccess.filter((r) => r.url.startsWith('/api/assignment/'));
    const rolesOf = (r: (typeof rules)[number]) => (r.access as { roles: readonly Role[] }).roles;
    const read = rules.find((r) => r.method === 'GET' && r.url === '/api/assignment/rules')!;
    expect([...rolesOf(read)].sort()).toEqual([...ROLES].sort());
    const writes = rules.filter((r) => r !== read);
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const route of writes)
      expect([...rolesOf(route)].sort(), `${route.method} ${route.url}`).toEqual(['admin', 'manager']);
  });

  it('answers 400 naming the field for a bad body or path parameter', async () => {
    let checked = 0;
    for (const route of guarded()) {
      const access = route.access as { roles: readonly Role[] | 'any' };
      const insider = access.roles === 'any' ? 'admin' : access.roles.includes('admin') ? 'admin' : access.roles[0]!;
      const client = clients[insider];
      if (route.url.includes(':')) {
        const res = await client.request({
          method: route.method as 'GET',
          url: route.url.replace(/:[a-zA-Z]+/g, 'not-an-id'),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${route.method} ${route.url} with a bad id`).toBe(400);
        const param = /:([a-zA-Z]+)/.exec(route.url)![1]!;
        expect(
          res.json().errors.map((e: { field: string }) => e.field),
          route.url,
        ).toContain(param);
        checked++;
      }
      const schema = bodySchema(route.method, route.url);
      const props = Object.entries(schema?.properties ?? {});
      if (props.length === 0) continue;
      // Give every field a value of the wrong type.
      const bad = Object.fromEntries(
        props.map(([k, p]) => [k, [p.type].flat().includes('object') ? 12345 : { wrong: true }]),
      );
      const res = await client.request({
        method: route.method as 'POST',
        url: fill(route.url, route.method),
        payload: bad,
      });
      expect(res.statusCode, `${route.method} ${route.url} with a bad body`).toBe(400);
      const body = res.json();
      expect(body.status).toBe(400);
      const fields = body.errors.map((e: { field: string }) => e.field.split('.')[0]);
      expect(fields, `${route.method} ${route.url}`).toContain(props[0]![0]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

type Attempt = Pick<InjectOptions, 'payload' | 'headers'> & { url: string };

/**
 * Every route a non-admin may call that takes something belonging to a
 * location, by id in the path or in the body, with a request that would
 * succeed at the caller's own location.
 */
const OWNED: Record<string, (f: Elsewhere) => Attempt> = {
  'POST /api/offers/:id/purchase-order': (f) => ({
    url: `/api/offers/${f.acceptedOffer.id}/purchase-order`,
    payload: {},
  }),
  'GET /api/opportunities/:id/purchase-orders': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/purchase-orders`,
  }),
  'GET /api/purchase-orders/:id': (f) => ({ url: `/api/purchase-orders/${f.purchaseOrder.id}` }),
  'PATCH /api/purchase-orders/:id': (f) => ({
    url: `/api/purchase-orders/${f.purchaseOrder.id}`,
    payload: { checklist: ['keys'] },
  }),
  'POST /api/purchase-orders/:id/deliver': (f) => ({ url: `/api/purchase-orders/${f.purchaseOrder.id}/deliver` }),
  'POST /api/purchase-orders/:id/cancel': (f) => ({
    url: `/api/purchase-orders/${f.purchaseOrder.id}/cancel`,
    payload: { reason: 'Kunde tritt zurück' },
  }),
  'GET /api/messages/:id': (f) => ({ url: `/api/messages/${f.message.id}` }),
  'POST /api/messages/:id/board': (f) => ({ url: `/api/messages/${f.message.id}/board` }),
  'POST /api/messages/:id/acknowledge': (f) => ({ url: `/api/messages/${f.message.id}/acknowledge` }),
  'POST /api/messages/:id/archive': (f) => ({ url: `/api/messages/${f.message.id}/archive` }),
  'POST /api/messages/:id/confirm-unblock': (f) => ({ url: `/api/messages/${f.message.id}/confirm-unblock` }),
  'GET /api/messages/locations/:locationId/people': (f) => ({ url: `/api/messages/locations/${f.location.id}/people` }),
  'GET /api/messages/locations/:locationId/block-policy': (f) => ({
    url: `/api/messages/locations/${f.location.id}/block-policy`,
  }),
  'PUT /api/messages/locations/:locationId/block-policy': (f) => ({
    url: `/api/messages/locations/${f.location.id}/block-policy`,
    payload: { blockRoles: ['manager'], unblockRoles: ['manager'] },
  }),
  'GET /api/users/:id': (f) => ({ url: `/api/users/${f.sales.userId}` }),
  'PATCH /api/assignment/rules/:id': (f) => ({
    url: `/api/assignment/rules/${f.rules[0]!.id}`,
    payload: { name: 'Mein' },
  }),
  'DELETE /api/assignment/rules/:id': (f) => ({ url: `/api/assignment/rules/${f.rules[0]!.id}` }),
  'PUT /api/assignment/rules/order': (f) => ({
    url: '/api/assignment/rules/order',
    payload: { ids: [f.rules[1]!.id, f.rules[0]!.id] },
  }),
  'POST /api/assignment/probe': (f) => ({
    url: '/api/assignment/probe',
    payload: { type: 'callback', locationId: f.location.id },
  }),
  'POST /api/absences': (f) => ({
    url: '/api/absences',
    payload: { userId: f.sales.userId, kind: 'holiday', startsOn: '2026-04-01', endsOn: '2026-04-02' },
  }),
  'PATCH /api/absences/:id': (f) => ({ url: `/api/absences/${f.absence.id}`, payload: { note: 'geändert' } }),
  'DELETE /api/absences/:id': (f) => ({ url: `/api/absences/${f.absence.id}` }),
  'GET /api/imports/:id': (f) => ({ url: `/api/imports/${f.importId}` }),
  'GET /api/imports/:id/report.csv': (f) => ({ url: `/api/imports/${f.importId}/report.csv` }),
  'POST /api/imports/:id/dry-run': (f) => ({
    url: `/api/imports/${f.importId}/dry-run`,
    payload: { mapping: { Nachname: 'lastName' } },
  }),
  'POST /api/imports/:id/apply': (f) => ({
    url: `/api/imports/${f.importId}/apply`,
    payload: { mapping: { Nachname: 'lastName' } },
  }),
  'GET /api/requests/:id': (f) => ({ url: `/api/requests/${f.request.id}` }),
  'GET /api/requests/:id/events': (f) => ({ url: `/api/requests/${f.request.id}/events` }),
  'GET /api/requests/:id/templates': (f) => ({ url: `/api/requests/${f.request.id}/templates` }),
  'GET /api/requests/:id/attachments': (f) => ({ url: `/api/requests/${f.request.id}/attachments` }),
  'GET /api/requests/:id/attachments/:attachmentId': (f) => ({
    url: `/api/requests/${f.request.id}/attachments/${f.attachment.id}`,
  }),
  'POST /api/requests/:id/attachments': (f) => ({
    url: `/api/requests/${f.request.id}/attachments`,
    ...multipart({}, { name: 'notiz.txt', content: Buffer.from('Rückruf bitte'), type: 'text/plain' }),
  }),
  'POST /api/requests/:id/status': (f) => ({
    url: `/api/requests/${f.request.id}/status`,
    payload: { status: 'in_progress' },
  }),
  'POST /api/requests/:id/email-reply': (f) => ({
    url: `/api/requests/${f.request.id}/email-reply`,
    payload: { subject: 'Ihre Anfrage', text: 'Guten Tag, wir melden uns.' },
  }),
  'GET /api/requests/:id/letter': (f) => ({ url: `/api/requests/${f.request.id}/letter` }),
  'POST /api/requests/:id/attempts': (f) => ({
    url: `/api/requests/${f.request.id}/attempts`,
    payload: { channel: 'phone', outcome: 'no_answer' },
  }),
  'POST /api/requests/:id/reassign': (f) => ({
    url: `/api/requests/${f.request.id}/reassign`,
    payload: { assigneeId: f.manager.userId, reason: 'Übernahme' },
  }),
  'POST /api/requests/:id/submitted/take-over': (f) => ({
    url: `/api/requests/${f.request.id}/submitted/take-over`,
    payload: { address: true },
  }),
  'POST /api/requests/bulk-reassign': (f) => ({
    url: '/api/requests/bulk-reassign',
    payload: { ids: [f.request.id], assigneeId: f.manager.userId, reason: 'Übernahme' },
  }),
  'GET /api/board/channels/:id/threads': (f) => ({ url: `/api/board/channels/${f.board.channelId}/threads` }),
  'POST /api/board/channels/:id/threads': (f) => ({
    url: `/api/board/channels/${f.board.channelId}/threads`,
    payload: { title: 'Hallo Ulm', body: 'Grüße aus der Nachbarschaft' },
  }),
  'GET /api/board/channels/:id/readers': (f) => ({ url: `/api/board/channels/${f.board.channelId}/readers` }),
  'POST /api/board/channels/:id/read': (f) => ({ url: `/api/board/channels/${f.board.channelId}/read` }),
  'GET /api/board/threads/:id': (f) => ({ url: `/api/board/threads/${f.board.threadId}` }),
  'POST /api/board/threads/:id/posts': (f) => ({
    url: `/api/board/threads/${f.board.threadId}/posts`,
    payload: { body: 'Ich auch' },
  }),
  'POST /api/board/channels/:id/threads/with-files': (f) => ({
    url: `/api/board/channels/${f.board.channelId}/threads/with-files`,
    ...multipartForm({ title: 'Preisliste', body: 'Anbei' }, [
      { name: 'preise.pdf', type: 'application/pdf', content: SAMPLE_PDF },
    ]),
  }),
  'POST /api/board/threads/:id/posts/with-files': (f) => ({
    url: `/api/board/threads/${f.board.threadId}/posts/with-files`,
    ...multipartForm({ body: 'Anbei' }, [{ name: 'preise.pdf', type: 'application/pdf', content: SAMPLE_PDF }]),
  }),
  'POST /api/board/posts/:id/reactions': (f) => ({
    url: `/api/board/posts/${f.board.postId}/reactions`,
    payload: { emoji: '👍' },
  }),
  'GET /api/calls/:id': (f) => ({ url: `/api/calls/${f.callId}` }),
  'GET /api/calls/:id/pop': (f) => ({ url: `/api/calls/${f.callId}/pop` }),
  'PUT /api/calls/:id/contact': (f) => ({
    url: `/api/calls/${f.callId}/contact`,
    payload: { contactId: f.contact.id },
  }),
  'PUT /api/calls/:id/note': (f) => ({ url: `/api/calls/${f.callId}/note`, payload: { note: 'Kunde ruft zurück' } }),
  'GET /api/calls/:id/callback-proposal': (f) => ({ url: `/api/calls/${f.callId}/callback-proposal` }),
  'POST /api/calls/:id/request': (f) => ({
    url: `/api/calls/${f.callId}/request`,
    payload: { type: 'callback', contactId: f.contact.id },
  }),
  'POST /api/calls/:id/service-ticket': (f) => ({
    url: `/api/calls/${f.callId}/service-ticket`,
    payload: { templateId: f.serviceProcess.id },
  }),
  'POST /api/calls/:id/attempt': (f) => ({
    url: `/api/calls/${f.callId}/attempt`,
    payload: { requestId: f.request.id, outcome: 'no_answer' },
  }),
  'GET /api/activities/:id': (f) => ({ url: `/api/activities/${f.activity.id}` }),
  'PATCH /api/activities/:id': (f) => ({ url: `/api/activities/${f.activity.id}`, payload: { subject: 'Meins' } }),
  'POST /api/activities/:id/complete': (f) => ({
    url: `/api/activities/${f.activity.id}/complete`,
    payload: { result: 'kept' },
  }),
  'GET /api/activities/:id/follow-up': (f) => ({ url: `/api/activities/${f.activity.id}/follow-up?result=kept` }),
  'POST /api/activities/:id/cancel': (f) => ({ url: `/api/activities/${f.activity.id}/cancel`, payload: {} }),
  'POST /api/activities/:id/snooze': (f) => ({
    url: `/api/activities/${f.activity.id}/snooze`,
    payload: { minutes: 5 },
  }),
  'GET /api/activities/:id/invitation': (f) => ({ url: `/api/activities/${f.activity.id}/invitation` }),
  'POST /api/activities/:id/invitation': (f) => ({
    url: `/api/activities/${f.activity.id}/invitation`,
    payload: { reason: 'asked' },
  }),
  'GET /api/opportunities/:id': (f) => ({ url: `/api/opportunities/${f.opportunity.id}` }),
  'PATCH /api/opportunities/:id': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}`,
    payload: { expectedValueCents: 100, version: f.opportunity.version },
  }),
  'POST /api/opportunities/:id/stage': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/stage`,
    payload: { stage: 'contacted', version: f.opportunity.version },
  }),
  'POST /api/opportunities/:id/lost': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/lost`,
    payload: { reason: 'price', version: f.opportunity.version },
  }),
  'POST /api/opportunities/:id/reopen': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/reopen`,
    payload: { version: f.opportunity.version },
  }),
  'GET /api/opportunities/board': (f) => ({ url: `/api/opportunities/board?locationId=${f.location.id}` }),
  'GET /api/opportunities': (f) => ({ url: `/api/opportunities?locationId=${f.location.id}` }),
  'POST /api/opportunities': (f) => ({
    url: '/api/opportunities',
    payload: { contactId: f.contact.id, locationId: f.location.id, ownerId: f.sales.userId },
  }),
  'GET /api/letterheads/:locationId': (f) => ({ url: `/api/letterheads/${f.location.id}` }),
  'GET /api/letterheads/:locationId/logo': (f) => ({ url: `/api/letterheads/${f.location.id}/logo` }),
  'POST /api/letterheads/:locationId/preview': (f) => ({ url: `/api/letterheads/${f.location.id}/preview` }),
  'GET /api/documents/:id': (f) => ({ url: `/api/documents/${f.offerDocument.id}` }),
  'POST /api/offers/:id/pdf': (f) => ({ url: `/api/offers/${f.salesRecords.offer.id}/pdf` }),
  'POST /api/test-drives/:id/agreement': (f) => ({ url: `/api/test-drives/${f.salesRecords.testDrive.id}/agreement` }),
  'POST /api/purchase-orders/:id/pdf': (f) => ({ url: `/api/purchase-orders/${f.salesRecords.order.id}/pdf` }),
  'GET /api/telephony/connections/:id': (f) => ({ url: `/api/telephony/connections/${f.connection.id}` }),
  'GET /api/opportunities/:id/offers': (f) => ({ url: `/api/opportunities/${f.opportunity.id}/offers` }),
  'POST /api/opportunities/:id/offers': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/offers`,
    payload: { content: offerContent() },
  }),
  'POST /api/opportunities/:id/offers/external': (f) => ({
    url: `/api/opportunities/${f.opportunity.id}/offers/external`,
    ...multipart({ tool: 'ford_lcv' }, { name: 'lcv.pdf', content: tinyPdf(), type: 'application/pdf' }),
  }),
  'GET /api/offers/:id': (f) => ({ url: `/api/offers/${f.offer.id}` }),
  'GET /api/offers/:id/external-pdf': (f) => ({ url: `/api/offers/${f.offer.id}/external-pdf` }),
  'POST /api/offers/:id/accept': (f) => ({ url: `/api/offers/${f.offer.id}/accept` }),
  'POST /api/offers/:id/send': (f) => ({
    url: `/api/offers/${f.offer.id}/send`,
    payload: { subject: 'Ihr Angebot', text: 'Anbei Ihr Angebot.' },
  }),
  'POST /api/offers/:id/reject': (f) => ({ url: `/api/offers/${f.offer.id}/reject`, payload: { reason: 'zu teuer' } }),
  'PUT /api/locations/:id/duty-settings': (f) => ({
    url: `/api/locations/${f.location.id}/duty-settings`,
    payload: { usesCheckIn: true, autoCheckOutAtClosing: true },
  }),
  'GET /api/locations/:id/checks': (f) => ({ url: `/api/locations/${f.location.id}/checks` }),
  'POST /api/locations/:id/checks': (f) => ({
    url: `/api/locations/${f.location.id}/checks`,
    payload: { name: 'Kassenprüfung', weekdays: [1] },
  }),
  'PUT /api/checks/:id': (f) => ({ url: `/api/checks/${f.check.id}`, payload: { name: 'Umbenannt', weekdays: [2] } }),
  'POST /api/checks/:id/entries': (f) => ({
    url: `/api/checks/${f.check.id}/entries`,
    payload: { day: '2026-03-02', findings: 'Alles ruhig', ok: true },
  }),
  'POST /api/demo-vehicles': (f) => ({
    url: '/api/demo-vehicles',
    payload: { locationId: f.location.id, make: 'VW', model: 'Golf', plate: 'UL-XY 9' },
  }),
  'GET /api/demo-vehicles/:id': (f) => ({ url: `/api/demo-vehicles/${f.demoVehicle.id}` }),
  'PATCH /api/demo-vehicles/:id': (f) => ({
    url: `/api/demo-vehicles/${f.demoVehicle.id}`,
    payload: { mileageKm: 10 },
  }),
  'POST /api/demo-vehicles/:id/blocks': (f) => ({
    url: `/api/demo-vehicles/${f.demoVehicle.id}/blocks`,
    payload: { startsAt: '2026-04-01T08:00:00+02:00', endsAt: '2026-04-01T10:00:00+02:00', reason: 'Werkstatt' },
  }),
  'DELETE /api/demo-vehicles/:id/blocks/:blockId': (f) => ({
    url: `/api/demo-vehicles/${f.demoVehicle.id}/blocks/${f.demoBlock.id}`,
  }),
  'POST /api/test-drives': (f) => ({
    url: '/api/test-drives',
    payload: {
      contactId: f.contact.id,
      demoVehicleId: f.demoVehicle.id,
      startsAt: '2026-04-01T10:00:00+02:00',
      endsAt: '2026-04-01T11:00:00+02:00',
    },
  }),
  'GET /api/test-drives/:id': (f) => ({ url: `/api/test-drives/${f.testDrive.id}` }),
  'POST /api/test-drives/:id/move': (f) => ({
    url: `/api/test-drives/${f.testDrive.id}/move`,
    payload: { startsAt: '2026-04-02T10:00:00+02:00', endsAt: '2026-04-02T11:00:00+02:00', version: 1 },
  }),
  'POST /api/test-drives/:id/cancel': (f) => ({
    url: `/api/test-drives/${f.testDrive.id}/cancel`,
    payload: { reason: 'x' },
  }),
  'PUT /api/test-drives/:id/licence': (f) => ({
    url: `/api/test-drives/${f.testDrive.id}/licence`,
    payload: { licenceNumber: 'B1', licenceAuthority: 'Stadt Ulm' },
  }),
  'POST /api/test-drives/:id/out': (f) => ({
    url: `/api/test-drives/${f.testDrive.id}/out`,
    payload: { mileageOutKm: 1 },
  }),
  'POST /api/test-drives/:id/back': (f) => ({
    url: `/api/test-drives/${f.testDrive.id}/back`,
    payload: { mileageBackKm: 1 },
  }),
  'GET /api/locations/:id/test-drive-schedule': (f) => ({
    url: `/api/locations/${f.location.id}/test-drive-schedule?from=2026-03-04T00:00:00%2B01:00&to=2026-03-05T00:00:00%2B01:00`,
  }),
  'GET /api/telephony/connections/:id/events': (f) => ({ url: `/api/telephony/connections/${f.connection.id}/events` }),
  'GET /api/service-processes/:id': (f) => ({ url: `/api/service-processes/${f.serviceProcess.id}` }),
  'PUT /api/service-processes/:id': (f) => ({
    url: `/api/service-processes/${f.serviceProcess.id}`,
    payload: {
      name: 'Wartung',
      activity: 'maintenance',
      locationId: f.location.id,
      steps: [{ title: 'Annehmen', role: 'service', expectedHours: 1, expectedCostCents: 0 }],
    },
  }),
  'GET /api/service-tickets/:id': (f) => ({ url: `/api/service-tickets/${f.serviceTicket.id}` }),
  'POST /api/service-tickets/:id/steps/:stepId/complete': (f) => ({
    url: `/api/service-tickets/${f.serviceTicket.id}/steps/${f.serviceTicket.currentStep.id}/complete`,
    payload: {},
  }),
  'GET /api/lifecycle/letters/:locationId': (f) => ({ url: `/api/lifecycle/letters/${f.location.id}` }),
  'POST /api/lifecycle/letters/:locationId/batches': (f) => ({
    url: `/api/lifecycle/letters/${f.location.id}/batches`,
  }),
  'GET /api/lifecycle/print-batches/:id/letters.pdf': (f) => ({
    url: `/api/lifecycle/print-batches/${f.printBatch.id}/letters.pdf`,
  }),
  'PUT /api/lifecycle/rules/:id': (f) => ({
    url: `/api/lifecycle/rules/${f.lifecycleRule.id}`,
    payload: {
      name: 'Fremde Regel',
      locationId: f.location.id,
      make: null,
      trigger: 'days_after_delivery',
      amount: 7,
      phase: null,
      action: 'activity',
      assignee: 'sales_consultant',
      activityType: 'satisfaction_call',
      consentChannel: null,
      consentPurpose: null,
      template: '',
      lookbackDays: 0,
      enabled: false,
      version: 1,
    },
  }),
  'GET /api/mailboxes/:id': (f) => ({ url: `/api/mailboxes/${f.mailbox.id}` }),
  'GET /api/requests/:id/inbound-mails': (f) => ({ url: `/api/requests/${f.request.id}/inbound-mails` }),
  'GET /api/inbound-mails/:id/original': (f) => ({ url: `/api/inbound-mails/${f.inboundMail.id}/original` }),
  'POST /api/complaints': (f) => ({ url: '/api/complaints', payload: { requestId: f.request.id } }),
  'GET /api/requests/:id/complaint': (f) => ({ url: `/api/requests/${f.request.id}/complaint` }),
  'GET /api/complaints/:id': (f) => ({ url: `/api/complaints/${f.complaint.id}` }),
  'GET /api/complaints/:id/similar': (f) => ({ url: `/api/complaints/${f.complaint.id}/similar` }),
  'GET /api/complaints/:id/pdf': (f) => ({ url: `/api/complaints/${f.complaint.id}/pdf` }),
  'PUT /api/complaints/:id/qualification': (f) => ({
    url: `/api/complaints/${f.complaint.id}/qualification`,
    payload: { category: 'invoice', severity: 'low', department: 'administration', version: f.complaint.version },
  }),
  'POST /api/complaints/:id/steps': (f) => ({
    url: `/api/complaints/${f.complaint.id}/steps`,
    payload: { title: 'Rückruf', responsibleId: f.sales.userId, dueAt: '2026-03-10T10:00:00+01:00' },
  }),
  'PATCH /api/complaints/:id/steps/:stepId': (f) => ({
    url: `/api/complaints/${f.complaint.id}/steps/00000000-0000-4000-8000-000000000000`,
    payload: { status: 'done' },
  }),
  'PUT /api/complaints/:id/costs': (f) => ({
    url: `/api/complaints/${f.complaint.id}/costs`,
    payload: {
      partsCents: 0,
      labourCents: 0,
      goodwillManufacturerCents: 0,
      goodwillDealerCents: 0,
      minutesSpent: 0,
      version: f.complaint.version,
    },
  }),
  'POST /api/complaints/:id/pass-on': (f) => ({
    url: `/api/complaints/${f.complaint.id}/pass-on`,
    payload: { to: 'Hersteller', version: f.complaint.version },
  }),
  'POST /api/complaints/:id/close': (f) => ({
    url: `/api/complaints/${f.complaint.id}/close`,
    payload: { outcome: 'erledigt', justified: 'no', version: f.complaint.version },
  }),
  'GET /api/reports/sales-funnel': (f) => ({
    url: `/api/reports/sales-funnel?from=2026-01-01&to=2026-12-31&locationId=${f.location.id}`,
  }),
  'GET /api/reports/sales-funnel.csv': (f) => ({
    url: `/api/reports/sales-funnel.csv?from=2026-01-01&to=2026-12-31&locationId=${f.location.id}`,
  }),
  'GET /api/campaigns/:id': (f) => ({ url: `/api/campaigns/${f.campaign.id}` }),
  'PUT /api/campaigns/:id': (f) => ({
    url: `/api/campaigns/${f.campaign.id}`,
    payload: { name: 'x', channel: 'letter', locationId: f.location.id, filter: {} },
  }),
  'DELETE /api/campaigns/:id': (f) => ({ url: `/api/campaigns/${f.campaign.id}` }),
  'POST /api/campaigns/:id/start': (f) => ({
    url: `/api/campaigns/${f.campaign.id}/start`,
    payload: { expectedRecipients: 0 },
  }),
  'GET /api/campaigns/:id/recipients': (f) => ({ url: `/api/campaigns/${f.campaign.id}/recipients` }),
  'PUT /api/campaigns/:id/recipients/:recipientId/response': (f) => ({
    url: `/api/campaigns/${f.campaign.id}/recipients/${f.campaign.id}/response`,
    payload: { response: 'replied', marked: true },
  }),
  'GET /api/campaigns/:id/letters.pdf': (f) => ({ url: `/api/campaigns/${f.campaign.id}/letters.pdf` }),
};

/** Answers, but leaves out what belongs to another location. */
const FILTERED: Record<string, (f: Elsewhere) => { url: string; hidden: string }> = {
  'GET /api/test-drives': (f) => ({ url: `/api/test-drives?contactId=${f.contact.id}`, hidden: f.testDrive.id }),
  'GET /api/contacts/:id/requests': (f) => ({
    url: `/api/contacts/${f.contact.id}/requests?status=all`,
    hidden: f.request.id,
  }),
  'GET /api/contacts/:id/board-threads': (f) => ({
    url: `/api/contacts/${f.contact.id}/board-threads`,
    hidden: f.board.threadId,
  }),
};

/**
 * The group's, not a location's: customers and vehicles (R1.2), the
 * locations' own details, and the texts every location uses.
 */
const GROUP_WIDE = new Set([
  'GET /api/locations/:id',
  'GET /api/locations/:id/holidays',
  'GET /api/locations/:id/duty-settings',
  'GET /api/contacts/:id',
  'PATCH /api/contacts/:id',
  'GET /api/contacts/:id/consents',
  'POST /api/contacts/:id/consents',
  'POST /api/contacts/:id/block',
  'POST /api/contacts/:id/unblock',
  'GET /api/contacts/:id/vcard',
  'GET /api/contacts/:id/vehicles',
  'GET /api/contacts/:id/opportunities',
  'GET /api/contacts/:id/lifecycle',
  'GET /api/contacts/:id/timeline',
  // A customer's satisfaction answers are part of their history, like the timeline.
  'GET /api/contacts/:id/surveys',
  'POST /api/contacts/:id/notes',
  'GET /api/vehicles/:id',
  'PATCH /api/vehicles/:id',
  'GET /api/vehicles/:id/mileage',
  'POST /api/vehicles/:id/mileage',
  'GET /api/vehicles/:id/timeline',
  'POST /api/vehicles/:id/links',
  'POST /api/vehicles/:id/links/:linkId/end',
  'POST /api/vehicles/:id/transfer',
  'PUT /api/templates/:requestType/:kind',
  'DELETE /api/templates/:requestType/:kind',
  // E-mail to a customer is on the customer (group-wide); a request named with it is checked for its location.
  'GET /api/contacts/:id/email-options',
  'POST /api/contacts/:id/emails/preview',
  'POST /api/contacts/:id/emails',
  'GET /api/contacts/:id/emails',
  'GET /api/customer-emails/:id',
  'GET /api/customer-emails/:id/raw',
  'PUT /api/customer-email-templates/:key/:locale',
  'DELETE /api/customer-email-templates/:key/:locale',
]);

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const nonAdminRoles = (access: { roles: readonly Role[] | 'any' }) =>
  (access.roles === 'any' ? ROLES : access.roles).filter((r) => r !== 'admin');

describe('every route taking something of a location', () => {
  let f: Elsewhere;
  beforeAll(async () => {
    f = await locationElsewhere(t, clients.admin);
  }, 120_000);

  it('is either scoped to the location or named as the group’s', () => {
    const unclassified = guarded()
      .filter((r) => r.url.includes(':') && nonAdminRoles(r.access as { roles: Role[] }).length > 0)
      .map(keyOf)
      .filter((key) => !(key in OWNED) && !(key in FILTERED) && !GROUP_WIDE.has(key));
    expect(unclassified).toEqual([]);
    const known = new Set(guarded().map(keyOf));
    for (const key of [...Object.keys(OWNED), ...Object.keys(FILTERED), ...GROUP_WIDE]) {
      expect(known.has(key), key).toBe(true);
    }
  });

  it('answers 403 to every role from another location', async () => {
    let checked = 0;
    for (const [key, attempt] of Object.entries(OWNED)) {
      const route = guarded().find((r) => keyOf(r) === key)!;
      for (const role of nonAdminRoles(route.access as { roles: Role[] })) {
        const res = await clients[role].request({ method: route.method as 'GET', ...attempt(f) });
        expect(res.statusCode, `${role} → ${key}: ${res.body}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('leaves what belongs to another location out of lists', async () => {
    for (const [key, attempt] of Object.entries(FILTERED)) {
      const route = guarded().find((r) => keyOf(r) === key)!;
      const { url, hidden } = attempt(f);
      for (const role of nonAdminRoles(route.access as { roles: Role[] })) {
        const res = await clients[role].request({ method: route.method as 'GET', url });
        expect(res.statusCode, `${role} → ${key}`).toBe(200);
        expect(res.body, `${role} → ${key}`).not.toContain(hidden);
      }
      const there = await f.sales.request({ method: route.method as 'GET', url });
      expect(there.body, `colleague at the location → ${key}`).toContain(hidden);
    }
  });

  it('still lets the people of that location in', async () => {
    for (const key of [
      'GET /api/requests/:id',
      'GET /api/imports/:id',
      'GET /api/telephony/connections/:id/events',
      'GET /api/activities/:id',
      'GET /api/activities/:id/follow-up',
      'GET /api/opportunities/:id/offers',
      'GET /api/offers/:id/external-pdf',
    ]) {
      const res = await f.manager.request({ method: 'GET', ...OWNED[key]!(f) });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
    }
    const order = await f.manager.put(
      '/api/assignment/rules/order',
      OWNED['PUT /api/assignment/rules/order']!(f).payload,
    );
    expect(order.statusCode, order.body).toBe(200);
  });
});
