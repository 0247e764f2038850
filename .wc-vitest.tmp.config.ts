import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Temporary: runs the customers/vehicles/search component tests until the web project is in vitest.config.ts.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    setupFiles: ['src/web/test/setup.ts'],
    include: ['src/web/**/*.test.tsx'],
    css: false,
    testTimeout: 20_000,
  },
});
