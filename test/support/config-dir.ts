import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConfigDir {
  dir: string;
  /** Replaces one file of the folder (objects are written as JSON). */
  write(file: string, content: unknown): void;
  remove(): void;
}

/**
 * A copy of the repository's config/ folder in a temporary directory, with some files replaced:
 * pass `dir` as CONFIG_DIR to start the app with a different standard or service-record rules.
 */
export function configDir(files: Record<string, unknown> = {}): ConfigDir {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-config-'));
  cpSync('config', dir, { recursive: true });
  const write = (file: string, content: unknown) =>
    writeFileSync(
      join(dir, file),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  for (const [file, content] of Object.entries(files)) {
    write(file, content);
  }
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The shipped scoring standard as a plain object, to change a copy of it in a test. */
export function shippedStandard(): {
  title?: string;
  effectiveFrom: string;
  categories: {
    code: string;
    name: string;
    items: { code: string; pointsPerUnit: string | number; [k: string]: unknown }[];
  }[];
} {
  return JSON.parse(readFileSync('config/scoring-standard.json', 'utf8'));
}
