import openapiTS, { astToString, OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/**
 * The web pages' types of the API (web/src/api-schema.ts) are generated from the OpenAPI document
 * the app serves at /api/docs-json, by openapi-typescript: `npm run gen:api-types` writes the file,
 * test/openapi.e2e-spec.ts fails while the file is not what this writes from today's document.
 */
export const API_SCHEMA_FILE = 'web/src/api-schema.ts';
export const GEN_API_TYPES_COMMAND = 'npm run gen:api-types';

const HEADER = `/**
 * Generated from the OpenAPI document (GET /api/docs-json) by openapi-typescript: do not edit.
 * After changing a DTO run \`${GEN_API_TYPES_COMMAND}\`; web/src/types.ts names what the pages read.
 */

`;

/**
 * The text of web/src/api-schema.ts for `document` (the app's OpenAPI document), formatted by the
 * project's Prettier settings so `prettier --check .` and eslint take it as any other file.
 */
export async function apiSchemaSource(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: false });
  const options = await resolveConfig(API_SCHEMA_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: API_SCHEMA_FILE });
}
