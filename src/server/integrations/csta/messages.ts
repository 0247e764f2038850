import { child, childText, el, findDescendant, type XmlElement, type XmlNode } from './xml';
import { deviceIdOf } from './device-id';

/** Requests the client sends, as element trees; the connection writes them in its namespace. */
export const requests = {
  startApplicationSession(input: {
    applicationId: string;
    protocolVersions: string[];
    sessionDurationSeconds: number;
    userId?: string | null;
    password?: string | null;
  }): XmlElement {
    const credentials =
      input.userId || input.password
        ? el('applicationSpecificInfo', el('userID', input.userId ?? ''), el('password', input.password ?? ''))
        : null;
    return el(
      'StartApplicationSession',
      el('applicationInfo', el('applicationID', input.applicationId), credentials),
      el(
        'requestedProtocolVersions',
        input.protocolVersions.map((v) => el('protocolVersion', v)),
      ),
      el('requestedSessionDuration', String(input.sessionDurationSeconds)),
    );
  },
  resetApplicationSessionTimer(sessionId: string, sessionDurationSeconds: number): XmlElement {
    return el(
      'ResetApplicationSessionTimer',
      el('sessionID', sessionId),
      el('requestedSessionDuration', String(sessionDurationSeconds)),
    );
  },
  stopApplicationSession(sessionId: string): XmlElement {
    return el(
      'StopApplicationSession',
      el('sessionID', sessionId),
      el('sessionEndReason', el('appEndReason', 'normal')),
    );
  },
  monitorStart(device: string): XmlElement {
    return el('MonitorStart', el('monitorObject', el('deviceObject', device)), el('monitorType', 'device'));
  },
  monitorStop(crossRefId: string): XmlElement {
    return el('MonitorStop', el('monitorCrossRefID', crossRefId));
  },
  makeCall(callingDevice: string, calledDirectoryNumber: string): XmlElement {
    return el('MakeCall', el('callingDevice', callingDevice), el('calledDirectoryNumber', calledDirectoryNumber));
  },
  systemStatusResponse(): XmlElement {
    return el('SystemStatusResponse', '');
  },
};

/** Elements whose name marks a refusal of the request they answer. */
export function errorOf(root: XmlNode): string | null {
  if (root.name === 'CSTAErrorCode') {
    const category = root.children[0];
    return category
      ? `${category.name}: ${category.text || category.children[0]?.name || 'unspecified'}`
      : 'unspecified';
  }
  if (root.name.endsWith('NegResponse')) {
    const reason = findDescendant(root, 'errorCode') ?? root.children[0];
    if (!reason) return 'refused';
    const detail = reason.text || reason.children[0]?.text || reason.children[0]?.name;
    return detail ? `${reason.name}: ${detail}` : reason.name;
  }
  return null;
}

export interface SessionStarted {
  sessionId: string;
  protocolVersion: string | null;
  durationSeconds: number | null;
}

export function readSessionStarted(root: XmlNode): SessionStarted | null {
  const sessionId = childText(root, 'sessionID');
  if (root.name !== 'StartApplicationSessionPosResponse' || !sessionId) return null;
  return {
    sessionId,
    protocolVersion: childText(root, 'actualProtocolVersion'),
    durationSeconds: readSeconds(childText(root, 'actualSessionDuration')),
  };
}

export function readSessionDuration(root: XmlNode): number | null {
  return readSeconds(childText(root, 'actualSessionDuration'));
}

function readSeconds(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number.parseInt(value, 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export function readMonitorCrossRefId(root: XmlNode): string | null {
  return root.name === 'MonitorStartResponse' ? childText(root, 'monitorCrossRefID') : null;
}

/** MakeCallResponse names the new call in its callingDevice connection. */
export function readMadeCall(root: XmlNode): { callId: string | null; device: string | null } | null {
  if (root.name !== 'MakeCallResponse') return null;
  const callingDevice = child(root, 'callingDevice');
  return {
    callId: childText(callingDevice, 'callID') ?? findDescendant(root, 'callID')?.text ?? null,
    device: deviceIdOf(callingDevice),
  };
}
