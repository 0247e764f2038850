import {
  IconPhoneCall,
  IconPhoneEnd,
  IconPhoneIncoming,
  IconPhoneOutgoing,
  IconPhonePause,
  IconPhoneX,
  type Icon,
} from '@tabler/icons-react';
import type { CallState } from '@shared/telephony/enums';

/** Colour and icon of a call's state, the same in the pop and the call list. */
export const CALL_STATE_LOOK: Record<CallState, { color: string; icon: Icon }> = {
  ringing: { color: 'blue', icon: IconPhoneIncoming },
  answered: { color: 'teal', icon: IconPhoneCall },
  on_hold: { color: 'yellow', icon: IconPhonePause },
  transferred: { color: 'grape', icon: IconPhoneOutgoing },
  ended: { color: 'gray', icon: IconPhoneEnd },
  missed: { color: 'red', icon: IconPhoneX },
};

/** "4:07" */
export function formatDuration(seconds: number) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
