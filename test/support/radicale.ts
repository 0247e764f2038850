import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** How to start Radicale here: the Debian package's command, or the Python module. Null when neither is installed. */
function radicaleCommand(): string[] | null {
  if (spawnSync('radicale', ['--version'], { stdio: 'ignore' }).status === 0) return ['radicale'];
  if (spawnSync('python3', ['-m', 'radicale', '--version'], { stdio: 'ignore' }).status === 0) {
    return ['python3', '-m', 'radicale'];
  }
  return null;
}

/** CalDAV tests skip without Radicale, unless CI demands them (CRM_E2E_REQUIRED=1). */
export function radicaleAvailable(): boolean {
  if (radicaleCommand()) return true;
  const message = 'Radicale is not installed; install Debian\'s "radicale" to run the CalDAV tests.';
  if (process.env.CRM_E2E_REQUIRED === '1') throw new Error(message);
  console.warn(`SKIPPING CalDAV tests: ${message}`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RadicaleServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Creates a calendar collection for the user and returns its URL (ends with "/"). */
  createCalendar(user: { username: string; password: string }, name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real Radicale on loopback for tests: its own temporary storage and plain-text
 * htpasswd users, each allowed only their own calendars.
 */
export async function startRadicale(users: Array<{ username: string; password: string }>): Promise<RadicaleServer> {
  const command = radicaleCommand();
  if (!command) throw new Error('Radicale is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radicale-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'users'), users.map((u) => `${u.username}:${u.password}`).join('\n') + '\n');
  fs.writeFileSync(
    path.join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${path.join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${path.join(dir, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(command[0]!, [...command.slice(1), '--config', path.join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Radicale exited: ${stderr}`);
    try {
      await fetch(`${url}/.web/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Radicale did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    url,
    async createCalendar(user, name) {
      const auth = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
      const home = `${url}/${user.username}/`;
      // The first authenticated request creates the user's principal collection.
      await fetch(home, { method: 'PROPFIND', headers: { authorization: auth, depth: '0' } });
      const collection = `${home}${name}/`;
      const res = await fetch(collection, {
        method: 'MKCALENDAR',
        headers: { authorization: auth, 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname></D:prop></D:set></C:mkcalendar>`,
      });
      if (res.status !== 201) throw new Error(`MKCALENDAR ${collection}: ${res.status} ${await res.text()}`);
      return collection;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
