import type { CallDirection, CallEventKind } from '@shared/telephony/enums';
import type { CallEvent, CallParty } from '@server/modules/telephony';
import { deviceIdOf, type NumberContext, parseDeviceId } from './device-id';
import { child, childText, findDescendant, toPlain, type XmlNode } from './xml';

export interface TranslateContext {
  connectionId: string;
  numbers: NumberContext;
  /** The configured name of the device when it is one we monitor, else null. */
  ownDevice(party: CallParty): string | null;
  now(): Date;
}

interface EventShape {
  kind: CallEventKind;
  /** The element holding this event's connection (callID + deviceID). */
  connection: string;
  /** The device the event is about; part of the event key. */
  subject: string;
}

const EVENTS: Record<string, EventShape> = {
  OriginatedEvent: { kind: 'originated', connection: 'originatedConnection', subject: 'callingDevice' },
  DeliveredEvent: { kind: 'ringing', connection: 'connection', subject: 'alertingDevice' },
  EstablishedEvent: { kind: 'answered', connection: 'establishedConnection', subject: 'answeringDevice' },
  HeldEvent: { kind: 'held', connection: 'heldConnection', subject: 'holdingDevice' },
  RetrievedEvent: { kind: 'retrieved', connection: 'retrievedConnection', subject: 'retrievingDevice' },
  DivertedEvent: { kind: 'transferred', connection: 'connection', subject: 'newDestination' },
  // ECMA-323 spells it with one r; some PBXs correct the spelling.
  TransferedEvent: { kind: 'transferred', connection: 'primaryOldCall', subject: 'transferredToDevice' },
  TransferredEvent: { kind: 'transferred', connection: 'primaryOldCall', subject: 'transferredToDevice' },
  ConnectionClearedEvent: { kind: 'ended', connection: 'droppedConnection', subject: 'releasingDevice' },
  CallClearedEvent: { kind: 'ended', connection: 'clearedCall', subject: 'clearedCall' },
};

/** Events that move call state; others (ServiceInitiated, Failed, CallInformation…) are read and left aside. */
export const isCallEvent = (name: string) => name in EVENTS;

export interface TranslatedEvent {
  event: CallEvent;
  monitorCrossRefId: string | null;
  /** The event key before counting repeats on one monitor. */
  baseKey: string;
}

/** Turns one CSTA event into the common call event, or null when it carries no call. */
export function translateEvent(root: XmlNode, context: TranslateContext): TranslatedEvent | null {
  const shape = EVENTS[root.name];
  if (!shape) return null;
  const party = (node: XmlNode | undefined): CallParty | undefined => {
    const id = node ? deviceIdOf(node) : null;
    if (!node) return undefined;
    const parsed = parseDeviceId(id, context.numbers);
    const own = context.ownDevice(parsed);
    return own ? { ...parsed, extension: own } : parsed;
  };
  const isOurs = (p: CallParty | undefined) => Boolean(p?.extension);

  const connection = child(root, shape.connection) ?? root.children.find((c) => child(c, 'callID'));
  let callId = childText(connection, 'callID');
  let parentCallId: string | null = null;
  if (root.name === 'TransferedEvent' || root.name === 'TransferredEvent') {
    const primary = childText(child(root, 'primaryOldCall'), 'callID');
    const secondary = childText(child(root, 'secondaryOldCall'), 'callID');
    const newCall = findDescendant(child(root, 'transferredConnections'), 'newConnection');
    callId = childText(newCall, 'callID') || secondary || primary;
    parentCallId = primary && primary !== callId ? primary : null;
  }
  if (!callId) return null;

  const subject = party(child(root, shape.subject));
  const calling = party(child(root, 'callingDevice'));
  const called = party(child(root, 'calledDevice'));
  const monitorCrossRefId = childText(root, 'monitorCrossRefID');
  const timestamp = findDescendant(root, 'timestamp')?.text ?? findDescendant(root, 'eventTime')?.text ?? null;
  const parsedTime = timestamp ? new Date(timestamp) : null;
  const at = parsedTime && !Number.isNaN(parsedTime.getTime()) ? parsedTime : context.now();

  const event: CallEvent = {
    provider: 'csta',
    connectionId: context.connectionId,
    eventKey: '',
    callId,
    kind: shape.kind,
    at,
    payload: { event: root.name, ...toPlain(root) },
  };
  if (parentCallId) event.parentCallId = parentCallId;
  if (calling) event.from = calling;

  const extensions = new Set<string>();
  const addOwn = (p: CallParty | undefined) => {
    if (p?.extension) extensions.add(p.extension);
  };

  switch (root.name) {
    case 'OriginatedEvent':
      if (called) event.to = called;
      event.direction = isOurs(called) ? 'internal' : 'outbound';
      addOwn(calling);
      break;
    case 'DeliveredEvent':
    case 'EstablishedEvent': {
      event.to = called ?? subject;
      const direction = directionOf(calling, subject ?? called, isOurs);
      if (direction) event.direction = direction;
      if (direction === 'inbound') event.dialled = called?.e164 ?? null;
      addOwn(subject);
      if (direction !== 'inbound') addOwn(calling);
      if (root.name === 'EstablishedEvent') event.answeredBy = subject?.extension ?? null;
      break;
    }
    case 'DivertedEvent':
      if (subject) event.to = subject;
      addOwn(subject);
      break;
    case 'TransferedEvent':
    case 'TransferredEvent':
      delete event.from;
      if (subject) event.to = subject;
      addOwn(subject);
      break;
    case 'ConnectionClearedEvent':
    case 'CallClearedEvent':
      event.cause = childText(root, 'cause');
      addOwn(subject);
      break;
    default:
      addOwn(subject);
  }
  if (extensions.size > 0) event.extensions = [...extensions];

  const baseKey = [root.name, callId, subject?.raw ?? '', timestamp ?? ''].join('|');
  return { event, monitorCrossRefId, baseKey };
}

function directionOf(
  calling: CallParty | undefined,
  reached: CallParty | undefined,
  isOurs: (p: CallParty | undefined) => boolean,
): CallDirection | undefined {
  const fromUs = isOurs(calling);
  const toUs = isOurs(reached);
  if (fromUs && toUs) return 'internal';
  if (fromUs) return 'outbound';
  if (toUs) return 'inbound';
  return undefined;
}

/**
 * Event keys: the same PBX event reported to two monitors (both parties are
 * ours) gets the same key, and a second hold on the same call by the same
 * device gets a new one, counted per monitor.
 */
export class EventKeys {
  private seen = new Map<string, number>();
  constructor(private readonly limit = 20_000) {}

  keyFor(translated: TranslatedEvent): string {
    const counterKey = `${translated.monitorCrossRefId ?? ''}|${translated.baseKey}`;
    const occurrence = (this.seen.get(counterKey) ?? 0) + 1;
    this.seen.delete(counterKey);
    this.seen.set(counterKey, occurrence);
    // Oldest first in a Map: forget calls long over.
    if (this.seen.size > this.limit) this.seen.delete(this.seen.keys().next().value!);
    return occurrence === 1 ? translated.baseKey : `${translated.baseKey}|${occurrence}`;
  }
}
