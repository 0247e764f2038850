/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266); always a download, never inline. */
export function attachment(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim() || 'dokument';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
