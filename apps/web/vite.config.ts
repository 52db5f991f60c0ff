import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist/web, which the server serves on the same origin as the API. JSX goes through Vite's
// own transformer (the React plugin only adds fast refresh, and its Babel peers clash with jest's).
export default defineConfig({
  root: import.meta.dirname,
  // api.md's enums, from the one file the server uses too (plain constants, no server code).
  resolve: {
    alias: { '@vocabulary': fileURLToPath(new URL('../../libs/common/src/vocabulary.ts', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The case page carries pdf.js and the charts; it loads lazily, for staff only.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
