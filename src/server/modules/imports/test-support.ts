import type { ImportTarget } from '@shared/imports/schemas';
import type { TestClient } from '@test/support/app';

/** A multipart/form-data upload as a browser sends it. */
export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(client: TestClient, target: ImportTarget, name: string, content: Buffer) {
  const { payload, headers } = multipart({ target }, { name, content });
  return client.request({ method: 'POST', url: '/api/imports', payload, headers });
}

/** Windows-1252 bytes of a text, as German Excel saves "CSV (Trennzeichen-getrennt)". */
export function windows1252(text: string): Buffer {
  const table: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}
