/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline and installable: a Workbox service worker precaches the whole build (every lazy chunk and the
    // simulation worker included). New versions wait for the user's "Reload" (src/app/pwa.ts), registered
    // after the first render; nothing is registered in development.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      devOptions: { enabled: false },
      // public/icons is precached by the glob below; listing the manifest icons again would duplicate them.
      includeManifestIcons: false,
      manifest: {
        name: 'Journey Designer',
        short_name: 'Journeys',
        description: 'Draw customer journeys, attach feedback scores and friction, and simulate where customers drop off.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#4f46e5',
        background_color: '#f8fafc',
        icons: [
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // An installed app opens map files from the file manager; src/app/launchQueue.ts imports them.
        file_handlers: [{ action: '/', accept: { 'application/json': ['.json', '.journey.json'] } }],
        // A file opened while the app is open goes to that window (as a new map), not to a second one.
        launch_handler: { client_mode: ['focus-existing', 'auto'] },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        // Layout (elkjs) is one large chunk; it must be precached too, so the limit sits above it. A chunk
        // over the limit fails the build rather than silently working online only.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // The first install controls the open page at once (so it works offline without a reload); later
        // versions wait for the user's "Reload" (skipWaiting stays off in prompt mode).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/schema\//],
      },
    }),
  ],
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
