// The Pulse console (console/) bundled with the client by esbuild into target/classes/console/, which the module's
// jar carries and the gateway serves at /console/ from its classpath.
//   node scripts/console.mjs [outdir]
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = process.argv[2] ?? `${root}target/classes/console`;

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: [`${root}console/main.ts`],
  outfile: `${outdir}/console.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'console.css']) {
  await copyFile(`${root}console/${file}`, `${outdir}/${file}`);
}
console.log(`console → ${outdir}`);
