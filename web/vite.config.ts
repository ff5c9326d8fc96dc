// Builds the web app into web/dist, which `marsad serve` serves. `npm run build` runs it.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The basemap (world-atlas) is a chunk of its own, loaded when the map opens.
    chunkSizeWarningLimit: 900,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
