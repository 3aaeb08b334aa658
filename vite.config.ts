/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
