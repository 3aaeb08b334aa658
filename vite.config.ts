/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Modules the first screen needs that lazy chunks import too would otherwise each become a chunk of
        // their own (edits, structure, the editor store, React…): ten small files compress worse than one.
        codeSplitting: {
          groups: [
            {
              name: 'core',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand|immer|use-sync-external-store)[\\/]|src[\\/](store[\\/]editorStore|store[\\/]history|domain[\\/](edits|structure|notes|types|layout|ids|rules|references|fragments|queries))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
