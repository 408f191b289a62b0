import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { API_SCHEMA_FILE, apiSchemaSource } from './api-types';

/**
 * `npm run gen:api-types`: boots the app in-process on a throwaway SQLite store (no server, no port),
 * reads the OpenAPI document it serves and writes web/src/api-schema.ts from it.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-api-types-'));
  try {
    const config = loadConfig({
      DATABASE_PATH: join(dir, 'passbook.sqlite'),
      CERTIFICATE_KEY_DIR: join(dir, 'keys'),
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'error',
    });
    const app = await createApp({ config, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/docs-json' });
      if (res.statusCode !== 200) {
        throw new Error(`GET /api/docs-json answered ${res.statusCode}`);
      }
      writeFileSync(API_SCHEMA_FILE, await apiSchemaSource(res.json()));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`wrote ${API_SCHEMA_FILE}`);
}

main().catch((err: unknown) => {
  console.error('gen:api-types failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
