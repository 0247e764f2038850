/** A multipart/form-data body as a browser's form sends it: text fields, then files under one field name. */
export function multipartForm(
  fields: Record<string, string>,
  files: Array<{ name: string; type: string; content: Buffer }>,
  filesField = 'files',
) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const parts = [
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    ...files.flatMap((f) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${filesField}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    ]),
  ];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A PDF as small as the content check accepts. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n% Kostenvoranschlag\n%%EOF\n');
/** A Windows program: refused whatever it is called. */
export const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
/** A real 1×1 PNG: the content is checked, not only the declared type. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
