// Builds the web pages into web/dist: one script, one stylesheet, one HTML page. Run by `npm run build`.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'src/main.tsx'), styles: join(here, 'src/styles.css') },
  outdir: out,
  bundle: true,
  minify: true,
  // No source maps: the service would publish its sources with them.
  sourcemap: false,
  // Older phones of elderly volunteers: plain ES2017 runs on Android 7+ and iOS 11+ browsers.
  target: ['es2017'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'favicon.svg'), join(out, 'favicon.svg'));
// Compressed copies, sent to browsers that accept them (phones on slow links load a third as much).
for (const name of ['app.js', 'styles.css', 'index.html']) {
  const content = await readFile(join(out, name));
  await writeFile(join(out, `${name}.gz`), gzipSync(content, { level: 9 }));
  await writeFile(join(out, `${name}.br`), brotliCompressSync(content));
}
console.log(`web pages built into ${out}`);
