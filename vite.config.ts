import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. Only what
        // every screen needs is grouped; other components go with the screens that use them, so the login
        // page does not load the date pickers, menus and charts of the pages behind it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core[\\/]esm[\\/]core|hooks)[\\/]/ },
            { name: 'charts', test: /node_modules[\\/](recharts|@mantine[\\/]charts|d3-[^\\/]+|victory-vendor)[\\/]/ },
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
});
