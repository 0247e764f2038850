import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { pathAliases } from './vite.config';

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Server tests run on PGlite always, and once more on PostgreSQL when TEST_DATABASE_URL is set. */
const serverProject = (engine: 'pglite' | 'postgres') => ({
  resolve: { alias: pathAliases },
  test: {
    name: `server:${engine}`,
    // Shared code is tested here too: it runs in Node as the server does.
    include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    env: { CRM_TEST_ENGINE: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every file builds its own app on its own database, so files can share the module cache of
    // their worker: loading the server's modules once per worker instead of once per file saves
    // minutes of the suite.
    isolate: false,
  },
});

/**
 * Real browser against the real server; one file at a time so Chromium has the CPU. Each
 * server migrates its own new database (test/e2e/harness.ts), so no template is needed.
 */
const e2eProject = {
  resolve: { alias: pathAliases },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    // Migrating and seeding the demo group in-process takes a while on a busy machine.
    hookTimeout: 180_000,
  },
};

/** React components in jsdom. */
const webProject = {
  plugins: [react()],
  resolve: { alias: pathAliases },
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['src/web/test/setup.ts'],
    include: ['src/web/**/*.test.tsx'],
    css: false,
    testTimeout: 20_000,
  },
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [serverProject('pglite'), ...(withPostgres ? [serverProject('postgres')] : []), webProject, e2eProject],
  },
});
