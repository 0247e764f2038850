import type { Faker } from '@faker-js/faker';
import type { RequestChannel, RequestType } from '@shared/requests/enums';
import type { Location } from '@shared/org/schemas';
import type { DbOrTx } from '../db/client';
import { recordTimelineInBulk } from '@server/modules/timeline';
import { timelineText } from '@shared/texts/timeline';
import { ATTEMPT_TIMELINE_KIND } from '../modules/requests/labels';
import { slaKey } from '../modules/requests/sla';
import {
  insertContactAttemptRows,
  insertRequestEventRows,
  insertRequestRows,
  type NewContactAttemptRow,
  type NewRequestEventRow,
  type NewRequestRow,
} from '@server/modules/requests';
import type { TimelineWrite } from '../modules/timeline/service';
import type { Services } from '../services';
import type { RequestText } from './requests-data';
import { SOURCES } from './requests-data';
import type { RequestStory } from './requests-plan';

const MINUTE = 60_000;

export interface DemoContact {
  id: string;
  home_location_id: string;
  sales_consultant_id: string | null;
  service_advisor_id: string | null;
}

/** One planned demo request with everything that happened to it. */
export interface PlannedRequest {
  received: Date;
  type: RequestType;
  channel: RequestChannel;
  location: Location;
  contact: DemoContact;
  assigneeId: string | null;
  createdBy: string | null;
  story: RequestStory;
  text: RequestText;
}

type RequestRow = NewRequestRow;
type EventRow = NewRequestEventRow;
type AttemptRow = NewContactAttemptRow;

/** Rows for requests, attempts, history and timeline, as the app itself would have written them; in bulk. */
export async function writeDemoRequests(
  services: Services,
  tx: DbOrTx,
  f: Faker,
  planned: PlannedRequest[],
  numbers: number[],
  now: Date,
) {
  const requests: RequestRow[] = [];
  const attempts: AttemptRow[] = [];
  const events: EventRow[] = [];
  const timeline: TimelineWrite[] = [];
  const timers: Array<{ id: string; dueAt: Date }> = [];

  for (const [i, p] of planned.entries()) {
    const id = f.string.uuid();
    const number = `A-${numbers[i]}`;
    const { story } = p;
    const firstContactedAt = story.attempts[0]?.at ?? null;
    const sources = SOURCES[p.channel];
    requests.push({
      id,
      number,
      type: p.type,
      channel: p.channel,
      source: sources ? f.helpers.arrayElement(sources) : null,
      locationId: p.location.id,
      brand: p.text.brand,
      subject: p.text.subject,
      message: p.text.message,
      contactId: p.contact.id,
      vehicleInterest: p.text.vehicleInterest,
      priority: p.type === 'complaint' ? 'high' : 'normal',
      status: story.status,
      outcome: story.outcome,
      lostReason: story.lostReason,
      assigneeId: p.assigneeId,
      assignedAt: p.assigneeId ? p.received : null,
      receivedAt: p.received,
      firstContactDueAt: story.dueAt,
      firstContactedAt,
      escalatedAt: story.escalatedAt,
      closedAt: story.closedAt,
      createdBy: p.createdBy,
      createdAt: p.received,
      updatedAt: story.closedAt ?? story.attempts.at(-1)?.at ?? p.received,
    });
    const event = (at: Date, kind: string, extra: Partial<EventRow> = {}) =>
      events.push({
        id: f.string.uuid(),
        requestId: id,
        at,
        actorId: null,
        kind,
        fromStatus: null,
        toStatus: null,
        data: null,
        ...extra,
      });
    const onTimeline = (entry: Omit<TimelineWrite, 'contactId' | 'sourceType' | 'sourceId'>) =>
      timeline.push({ contactId: p.contact.id, sourceType: 'request', sourceId: id, ...entry });

    event(p.received, 'created', {
      actorId: p.createdBy,
      toStatus: 'new',
      data: { channel: p.channel, contactId: p.contact.id },
    });
    if (p.assigneeId) {
      event(p.received, 'assigned', {
        fromStatus: 'new',
        toStatus: 'assigned',
        data: { assigneeId: p.assigneeId, explanation: [] },
      });
    }
    onTimeline({
      kind: 'request',
      occurredAt: p.received,
      authorId: p.createdBy,
      ...timelineText('timeline.requestReceived', { number, type: p.type, subject: p.text.subject }),
      body: p.text.message,
      data: { requestId: id, number, type: p.type, channel: p.channel, status: 'new' },
    });
    if (story.escalatedAt)
      event(story.escalatedAt, 'escalated', { data: { dueAt: story.dueAt.toISOString(), notified: [] } });

    for (const [k, a] of story.attempts.entries()) {
      const attemptId = f.string.uuid();
      attempts.push({
        id: attemptId,
        requestId: id,
        at: a.at,
        channel: a.channel,
        outcome: a.outcome,
        note: a.note,
        userId: p.assigneeId,
        createdAt: a.at,
      });
      event(a.at, 'attempt', {
        actorId: p.assigneeId,
        data: { attemptId, channel: a.channel, outcome: a.outcome, at: a.at.toISOString() },
      });
      if (k === 0) {
        event(a.at, 'status_changed', {
          actorId: p.assigneeId,
          fromStatus: p.assigneeId ? 'assigned' : 'new',
          toStatus: 'in_progress',
        });
      }
      onTimeline({
        kind: ATTEMPT_TIMELINE_KIND[a.channel],
        occurredAt: a.at,
        authorId: p.assigneeId,
        ...timelineText('timeline.contactAttempt', { channel: a.channel, outcome: a.outcome }),
        body: a.note,
        data: { requestId: id, number, attemptId, outcome: a.outcome },
      });
    }

    if (story.attempts.length > 0 && story.status !== 'in_progress') {
      const at = story.closedAt ?? new Date(story.attempts.at(-1)!.at.getTime() + 2 * MINUTE);
      event(at, 'status_changed', {
        actorId: p.assigneeId,
        fromStatus: 'in_progress',
        toStatus: story.status,
        data: { outcome: story.outcome, lostReason: story.lostReason },
      });
      // The same words as a colleague closing it in the app: in each reader's language.
      const words =
        story.status === 'done' && story.outcome
          ? timelineText('timeline.requestDone', { number, outcome: story.outcome })
          : story.status === 'lost' && story.lostReason
            ? timelineText('timeline.requestLost', { number, reason: story.lostReason })
            : timelineText('timeline.requestStatus', { number, status: story.status });
      onTimeline({
        kind: 'request',
        occurredAt: at,
        authorId: p.assigneeId,
        ...words,
        data: { requestId: id, number, status: story.status },
      });
    }
    if (!firstContactedAt && !story.closedAt && story.dueAt > now) timers.push({ id, dueAt: story.dueAt });
  }

  await insertRequestRows(tx, requests);
  await insertContactAttemptRows(tx, attempts);
  await insertRequestEventRows(tx, events);
  await recordTimelineInBulk(tx, timeline);
  // Requests not yet contacted keep their first-contact timer, as if taken in through the app.
  for (const t of timers) {
    await services.jobs.schedule(
      tx,
      services.requests.firstContactDueJob,
      { requestId: t.id },
      { runAt: t.dueAt, uniqueKey: slaKey(t.id) },
    );
  }
}
