/**
 * Builds the canvas benchmark page (tests/bench/canvas/index.html) into tests/bench/canvas/dist. BENCH_MINIFY=0
 * keeps function names readable in a --trace's CPU profile.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, minify: process.env.BENCH_MINIFY !== '0', reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
});
