import type { Call, CallLiveEvent, CallPop, PopCandidate } from '@shared/telephony/schemas';

export const CALL_ID = '5a5a5a5a-0000-4000-8000-000000000001';
export const HANS_ID = '6c1d2e3f-4a5b-4c6d-8e7f-000000000001';
export const ERIKA_ID = '6c1d2e3f-4a5b-4c6d-8e7f-000000000002';
export const REQUEST_ID = '6c1d2e3f-4a5b-4c6d-8e7f-300000000001';
const ADVISOR = { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000003', displayName: 'Sabine Koch' };

export function ringing(overrides: Partial<CallLiveEvent> = {}): CallLiveEvent {
  return {
    callId: CALL_ID,
    state: 'ringing',
    direction: 'inbound',
    number: '+491711234567',
    displayName: 'Müller, Hans',
    candidateCount: 1,
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function call(overrides: Partial<Call> = {}): Call {
  return {
    id: CALL_ID,
    provider: 'webhook',
    connectionId: null,
    externalId: 'pbx-4711',
    parentCallId: null,
    direction: 'inbound',
    state: 'ringing',
    fromNumber: '+491711234567',
    fromRaw: '01711234567',
    toNumber: '+49895467890',
    toRaw: '0895467890',
    dialledNumber: '+49895467890',
    trackingNumber: null,
    source: null,
    campaign: null,
    contact: null,
    matchedContactIds: [],
    extensions: ['21'],
    users: [],
    answeredBy: null,
    startedAt: '2024-05-06T08:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
    endCause: null,
    note: null,
    noteAuthor: null,
    noteAt: null,
    requestId: null,
    followUpOfCallId: null,
    locationId: null,
    ...overrides,
  };
}

export function candidate(overrides: Partial<PopCandidate> = {}): PopCandidate {
  return {
    id: HANS_ID,
    displayName: 'Müller, Hans',
    customerNumber: 'MUC-100001',
    kind: 'person',
    matchedBy: 'exact',
    matchedNumber: '+491711234567',
    companyName: null,
    block: null,
    regularConsultant: { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000002', displayName: 'Jonas Weber' },
    regularAdvisor: ADVISOR,
    openRequests: [
      {
        id: REQUEST_ID,
        number: 'A-100012',
        type: 'service_appointment',
        status: 'assigned',
        subject: 'Inspektion fällig',
        firstContactDueAt: '2024-05-07T08:00:00.000Z',
      },
    ],
    lastInteractions: [{ kind: 'visit', summary: 'Reifenwechsel abgeholt', occurredAt: '2024-04-20T09:00:00.000Z' }],
    vehicles: [{ id: '6c1d2e3f-4a5b-4c6d-8e7f-400000000001', label: 'VW Golf VIII', plate: 'M-HM 1234' }],
    ...overrides,
  };
}

export function pop(candidates: PopCandidate[], callOverrides: Partial<Call> = {}): CallPop {
  return {
    call: call({ matchedContactIds: candidates.map((c) => c.id), ...callOverrides }),
    candidates,
    lookedUp: true,
  };
}

export const createdRequest = {
  id: '6c1d2e3f-4a5b-4c6d-8e7f-300000000099',
  number: 'A-100200',
  type: 'callback',
  assignee: ADVISOR,
};
