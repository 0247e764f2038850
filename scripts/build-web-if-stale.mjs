#!/usr/bin/env node
// Builds the web app only when its sources changed since the last build, so that
// `npm start` stays fast and a fresh checkout still serves a current UI.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = [
  'src/web',
  'src/shared',
  'vite.config.ts',
  'scripts/vite-precompress.ts',
  'postcss.config.cjs',
  'package-lock.json',
];
const vite = path.join(root, 'node_modules/.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True as soon as one file below `entry` is newer than `than`. */
function hasNewer(entry, than) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) return stat.mtimeMs > than;
  return fs.readdirSync(entry).some((name) => hasNewer(path.join(entry, name), than));
}

const builtAt = mtime(builtIndex);
const stale = builtAt === undefined || sources.some((source) => hasNewer(path.join(root, source), builtAt));

if (!stale) process.exit(0);

if (!fs.existsSync(vite)) {
  // Production installs leave out dev dependencies; an existing build is then good enough.
  if (builtAt !== undefined) process.exit(0);
  console.warn('Web app is not built and Vite is not installed; run "npm install" and "npm run build".');
  process.exit(0);
}

const child = spawn(vite, ['build'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
  console.error(`Could not run Vite: ${error.message}`);
  process.exit(1);
});
