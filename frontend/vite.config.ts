import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built files are embedded into the Go binary (//go:embed all:frontend/dist) and
// served both by the Wails asset server and by `socai serve`: relative asset paths.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `socai serve --addr 127.0.0.1:34115` next to `npm run dev` for development.
    proxy: { '/api': 'http://127.0.0.1:34115' },
  },
});
