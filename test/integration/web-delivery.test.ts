import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { ResolvedConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/vite-precompress';
import { buildApp } from '@server/app';
import { loadConfig } from '@server/config';
import type { Database } from '@server/db/client';
import { createTestDatabase } from '../support/database';

/**
 * How the built web app reaches the browser: a build as Vite leaves it (a shell and a
 * fingerprinted script, compressed by the build plugin), served by the real server.
 */
const SCRIPT = `export const greeting = ${JSON.stringify('Guten Tag, Autohaus! '.repeat(200))};\n`;
const ASSET = '/assets/index-Bx7fK2qa.js';
const EARLY = "window.__crmEarly={'/auth/session':fetch('/api/auth/session')};";

let dist: string;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-web-'));
  await fs.mkdir(path.join(dist, 'assets'));
  await fs.writeFile(
    path.join(dist, 'index.html'),
    `<!doctype html><script>${EARLY}</script><script type="module" src="${ASSET}"></script>`,
  );
  await fs.writeFile(path.join(dist, ASSET), SCRIPT);
  const plugin = precompress() as unknown as {
    configResolved(config: Pick<ResolvedConfig, 'root' | 'build'>): void;
    closeBundle(): Promise<void>;
  };
  plugin.configResolved({ root: dist, build: { outDir: '.' } as ResolvedConfig['build'] });
  await plugin.closeBundle();

  database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', CRM_WEB_DIST: dist });
  ({ app } = await buildApp({ config, database, logger: pino({ level: 'silent' }), serveWeb: true }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  await fs.rm(dist, { recursive: true, force: true });
});

describe('the web app as the browser and load balancers get it', () => {
  it('answers HEAD on / and on app routes like GET, so load balancer probes see it up', async () => {
    for (const url of ['/', '/customers/42']) {
      const res = await app.inject({ method: 'HEAD', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe('');
    }
    expect((await app.inject({ method: 'HEAD', url: '/api/nothing-here' })).statusCode).toBe(404);
  });

  it('sends a fingerprinted script brotli-compressed to browsers that accept it, cached for good', async () => {
    const res = await app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br' } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to browsers without brotli, and the plain file to those accepting neither', async () => {
    const gzip = await app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const plain = await app.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('never lets a browser or proxy keep the shell, so a new release is picked up at the next load', async () => {
    for (const url of ['/', '/customers']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("lets the shell's own inline script run, and no other", async () => {
    const res = await app.inject({ method: 'GET', url: '/customers' });
    const scriptSrc = /script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1] ?? '';

    const hash = crypto.createHash('sha256').update(EARLY).digest('base64');
    expect(scriptSrc.split(' ')).toEqual(["'self'", `'sha256-${hash}'`]);
  });
});
