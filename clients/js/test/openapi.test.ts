import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

/**
 * The REST types in src/rest/generated are what openapi-typescript makes of the checked-in documents in openapi/
 * (which each service's OpenApiDocumentTests holds equal to its running API): a changed API fails here until
 * `npm run openapi` renewed them, and then `tsc` fails wherever the hand-written types no longer match.
 */
describe('generated REST types', () => {
  it('are what the checked-in OpenAPI documents generate', async () => {
    const root = new URL('../../', import.meta.url); // build/test/ → the package
    const script = (await import(new URL('scripts/openapi.mjs', root).href)) as {
      services(): Promise<string[]>;
      generate(service: string): Promise<string>;
    };
    const services = await script.services();
    assert.ok(services.includes('ocs'), `documents: ${services.join(', ')}`);
    for (const service of services) {
      const checkedIn = await readFile(new URL(`src/rest/generated/${service}.ts`, root), 'utf8').catch(() => '');
      assert.equal(checkedIn, await script.generate(service),
        `src/rest/generated/${service}.ts differs from openapi/${service}.json: run npm run openapi and commit it`);
    }
  });
});
