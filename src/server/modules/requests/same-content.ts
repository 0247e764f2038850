import type { IntakeInput } from './intake';

/**
 * How long an identical second delivery of a lead is taken for a repeat of the first. Portals
 * and web forms that deliver twice (a timeout and a retry without an Idempotency-Key, a double
 * click, a mail gateway that re-sends, a batch replayed the next morning) do so within hours;
 * a customer who asks the very same thing again after a day is asking again.
 */
export const SAME_CONTENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The start of the window in which a lead with the same content counts as delivered already. */
export const sameContentSince = (now: Date) => new Date(now.getTime() - SAME_CONTENT_WINDOW_MS);

/**
 * What makes two deliveries the same lead: the same sender and source, the same kind of
 * request for the same location, the same customer data, the same message, vehicle, wished
 * callback time, consents and files. Anything else differing — even a word of the message —
 * makes it a new request.
 */
export function contentOf(sender: string, input: IntakeInput): Record<string, unknown> {
  const c = input.customer;
  return {
    sender,
    source: input.source ?? null,
    type: input.type,
    channel: input.channel,
    locationId: input.locationId,
    brand: input.brand ?? null,
    customer: c
      ? {
          ...c,
          email: c.email?.toLowerCase() ?? null,
          emails: c.emails?.map((e) => e.toLowerCase()) ?? [],
          phones: c.phones ?? [],
        }
      : null,
    submitted: input.submittedCustomer ?? null,
    message: input.message ?? null,
    vehicleId: input.vehicleId ?? null,
    vehicleInterest: input.vehicleInterest ?? null,
    callback: [input.callbackFrom?.toISOString() ?? null, input.callbackTo?.toISOString() ?? null],
    consents: input.consents ?? [],
    files: (input.attachments ?? []).map((a) => [a.fileName, a.content.length]),
  };
}
