import { readFileSync } from 'node:fs';
import { parseStandard, ScoringStandard, StandardFileError } from './scoring-standard';

/** The scoring standard's file name: shared in CONFIG_DIR, or a community's own in its folder. */
export const STANDARD_FILE = 'scoring-standard.json';

/** Reads and validates a scoring standard file; a problem throws naming the file and the item. */
export function readStandardFile(path: string): ScoringStandard {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new StandardFileError(`${path}: cannot be read; the service needs a scoring standard`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StandardFileError(`${path}: is not valid JSON (${(err as Error).message})`);
  }
  return parseStandard(raw, path);
}
