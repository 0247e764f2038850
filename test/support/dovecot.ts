import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

/** IMAP tests skip without Dovecot, unless CI demands them (CRM_E2E_REQUIRED=1). */
export function dovecotAvailable(): boolean {
  if (fs.existsSync(DOVECOT)) return true;
  const message = 'Dovecot is not installed; install Debian\'s "dovecot-imapd" to run the IMAP tests.';
  if (process.env.CRM_E2E_REQUIRED === '1') throw new Error(message);
  console.warn(`SKIPPING IMAP tests: ${message}`);
  return false;
}

/** A system user's ids from /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no system user "${name}" (install dovecot-imapd)`);
  const [, , u, g] = line.split(':');
  return { uid: Number(u), gid: Number(g) };
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

export interface DovecotUser {
  username: string;
  password: string;
}

export interface DovecotServer {
  host: string;
  port: number;
  /** A logged-in client for one user (the test's mail deliverer and inspector); close it after use. */
  client(user: DovecotUser): Promise<ImapFlow>;
  /** Delivers raw RFC 5322 messages into a user's folder with IMAP APPEND; returns their UIDs. */
  deliver(user: DovecotUser, messages: Array<string | Buffer>, folder?: string): Promise<number[]>;
  /** The flags of every message in a folder, by UID. */
  flags(user: DovecotUser, folder?: string): Promise<Map<number, Set<string>>>;
  stop(): Promise<void>;
}

/**
 * A private Dovecot on loopback for tests, run as the current user in a temporary directory:
 * its own dovecot.conf, plain passwords in a passwd-file, maildirs in the directory, no TLS.
 */
export async function startDovecot(users: DovecotUser[]): Promise<DovecotServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dovecot-'));
  const port = await freePort();
  // Dovecot never runs its login or mail processes as root: as root (a CI container) they run as
  // Debian's own dovecot users, otherwise everything runs as the current user.
  const root = process.getuid?.() === 0;
  const mailUser = root ? systemUser('dovecot') : null;
  const uid = mailUser?.uid ?? process.getuid?.() ?? 0;
  const gid = mailUser?.gid ?? process.getgid?.() ?? 0;
  const me = root ? 'dovecot' : os.userInfo().username;
  const group = root ? 'dovecot' : me;
  const loginUser = root ? 'dovenull' : me;
  if (root) fs.chownSync(dir, uid, gid);
  fs.writeFileSync(path.join(dir, 'passwd'), users.map((u) => `${u.username}:{PLAIN}${u.password}`).join('\n') + '\n');
  fs.mkdirSync(path.join(dir, 'run'));
  fs.mkdirSync(path.join(dir, 'state'));
  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = crm-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${me}
default_internal_group = ${group}
default_login_user = ${loginUser}
first_valid_uid = ${uid}
first_valid_gid = ${gid}
mail_location = maildir:${dir}/mail/%u
mail_privileged_group =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
protocol imap {
  mail_max_userip_connections = 100
}
`;
  const confPath = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(confPath, conf);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'dovecot.log'))
        ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8')
        : '';
      throw new Error(`Dovecot exited: ${stderr}${log}`);
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`Dovecot did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  async function client(user: DovecotUser) {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: user.username, pass: user.password },
      logger: false,
    });
    c.on('error', () => {});
    await c.connect();
    return c;
  }

  return {
    host: '127.0.0.1',
    port,
    client,
    async deliver(user, messages, folder = 'INBOX') {
      const c = await client(user);
      try {
        const uids: number[] = [];
        for (const m of messages) {
          const res = await c.append(folder, typeof m === 'string' ? Buffer.from(m, 'utf8') : m);
          if (res && res.uid) uids.push(res.uid);
        }
        return uids;
      } finally {
        await c.logout();
      }
    },
    async flags(user, folder = 'INBOX') {
      const c = await client(user);
      try {
        await c.mailboxOpen(folder);
        const out = new Map<number, Set<string>>();
        for (const m of await c.fetchAll('1:*', { uid: true, flags: true }).catch(() => []))
          out.set(m.uid, m.flags ?? new Set());
        return out;
      } finally {
        await c.logout();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!process.env.KEEP_DOVECOT) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
