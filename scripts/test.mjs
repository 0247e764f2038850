// `npm test`: the whole suite. Server tests on PGlite (and PostgreSQL when
// TEST_DATABASE_URL is set), web component tests, then the browser tests
// against a freshly built web app.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const extra = process.argv.slice(2);
run('node', ['scripts/build-web-if-stale.mjs']);
run('node_modules/.bin/vitest', ['run', ...extra]);
