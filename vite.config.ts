import { fileURLToPath } from 'node:url';
import { appChunk, PAGE_LIBRARIES } from './scripts/vite-app-chunks';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { earlyStart } from './scripts/vite-early-start';
import { precompress } from './scripts/vite-precompress';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const reactRouterBuild = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

/** The same aliases as tsconfig.json's paths: folders by name instead of ../../../. */
export const pathAliases = {
  '@server': fileURLToPath(new URL('./src/server', import.meta.url)),
  '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
  '@web': fileURLToPath(new URL('./src/web', import.meta.url)),
  '@test': fileURLToPath(new URL('./test', import.meta.url)),
};

export default defineConfig(({ command }) => ({
  root: 'src/web',
  plugins: [react(), earlyStart(), precompress()],
  resolve: {
    alias: [
      ...Object.entries(pathAliases).map(([find, replacement]) => ({ find, replacement })),
      // react-router's package exports name only its development build (dev warnings on every render);
      // the production build beside it is the same code without them.
      ...(command === 'build'
        ? [
            { find: /^react-router$/, replacement: reactRouterBuild('index.mjs') },
            { find: /^react-router\/dom$/, replacement: reactRouterBuild('dom-export.mjs') },
          ]
        : []),
    ],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. What the
        // login page needs comes first ('vendor'); the rest of the interface library follows in one chunk
        // with the app shell ('ui') rather than in dozens of small ones that queue up on a reload. Date
        // pickers, phone number metadata and charts stay with the few pages that use them (a group of their own
        // would be preloaded by the login page, as the group also takes modules the first screen shares).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 4,
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            {
              name: 'ui',
              test: (id) => /node_modules[\\/]/.test(id) && !PAGE_LIBRARIES.test(id),
              priority: 1,
            },
            // The app's own code: the shell and what many pages share in one chunk (scripts/vite-app-chunks.ts).
            { debugName: 'app', name: appChunk(repoRoot), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    // The web app imports the zod schemas from src/shared, outside the Vite root.
    fs: { allow: [repoRoot] },
    // CRM_API_URL points the dev server at an API on another port.
    proxy: { '/api': process.env.CRM_API_URL ?? 'http://localhost:3000' },
  },
}));
