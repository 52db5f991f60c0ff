import { defineConfig } from 'vite';

// Built into dist/web, which the server serves on the same origin as the API. JSX goes through Vite's
// own transformer (the React plugin only adds fast refresh, and its Babel peers clash with jest's).
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
