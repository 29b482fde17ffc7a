import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from file:// (Electron) and from /<token>/ (web host): every URL is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../resources/public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
