import { z } from 'zod';
import type { Db } from '@server/db/client';
import type { Clock } from '@server/lib/clock';
import type { CallEventSink } from '@server/modules/telephony';

/** What a provider's route plugin is built from. */
export interface PushRoutesOptions {
  /** Where translated events go: the call service. */
  sink: CallEventSink;
  db: Db;
  clock?: Clock;
  /**
   * The address providers reach us at (CRM_PUBLIC_URL), for URLs we hand back
   * to them; without it, the address the request came in on.
   */
  publicUrl?: string;
}

export const ConnectionParams = z.object({ connectionId: z.uuid() });

/** Accepted so the route documents it; providers post form bodies the plugin parses itself. */
export const FORM_CONSUMES = ['application/x-www-form-urlencoded'];
