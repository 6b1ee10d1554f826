import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/widget', import.meta.url));

/** The storefront widget: one self-contained, minified script, dist/widget/widget.js (served at /widget.js). */
export default defineConfig({
  root,
  // Preact's automatic JSX runtime (the files also say so in a pragma, for the root typecheck).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    target: 'es2020',
    // Stores embed one classic <script>: a single IIFE file, no chunks, CSS inlined as a string.
    lib: {
      entry: fileURLToPath(new URL('./src/main.tsx', import.meta.url)),
      formats: ['iife'],
      name: 'SupportifyWidget',
      fileName: () => 'widget.js',
    },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
