const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Our answer to newCall. sipgate sends answer and hangup only to the URLs this
 * names, so leaving them out would mean never hearing how a call went.
 */
export function newCallReply(followUpUrl: string): string {
  const url = escapeAttribute(followUpUrl);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response onAnswer="${url}" onHangup="${url}"/>\n`;
}

/** sipgate ignores what we answer to answer and hangup; an empty Response keeps it well-formed. */
export const EMPTY_REPLY = '<?xml version="1.0" encoding="UTF-8"?>\n<Response/>\n';
