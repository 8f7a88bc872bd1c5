// The REST types from the services' OpenAPI documents: openapi/<service>.json → src/rest/generated/<service>.ts.
//   node scripts/openapi.mjs           regenerate (after a service's OpenApiDocumentTests renewed its document)
//   node scripts/openapi.mjs --check   exit 1 naming each generated file that differs from its document
// The documents are checked in; each service's OpenApiDocumentTests fails when its running API differs from its copy.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const documents = new URL('openapi/', root);
const generated = new URL('src/rest/generated/', root);

export async function generate(service) {
  const ast = await openapiTS(new URL(`${service}.json`, documents));
  return `/**\n * Generated from openapi/${service}.json by scripts/openapi.mjs (npm run openapi): do not edit.\n */\n\n`
    + astToString(ast);
}

export async function services() {
  return (await readdir(documents)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

async function main(check) {
  await mkdir(generated, { recursive: true });
  const stale = [];
  for (const service of await services()) {
    const target = new URL(`${service}.ts`, generated);
    const text = await generate(service);
    if (check) {
      const current = await readFile(target, 'utf8').catch(() => '');
      if (current !== text) stale.push(fileURLToPath(target));
    } else {
      await writeFile(target, text);
      console.log(`openapi/${service}.json → src/rest/generated/${service}.ts`);
    }
  }
  if (stale.length > 0) {
    console.error(`Generated REST types differ from their OpenAPI documents (run npm run openapi):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv.includes('--check'));
}
