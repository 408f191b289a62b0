import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from './app-config';

/**
 * The one way an optional file of CONFIG_DIR is read: missing is `undefined` (the built-in defaults
 * apply); text that is not JSON stops the start with a ConfigError naming the file.
 */
export function readConfigFile(path: string): unknown {
  if (!existsSync(path)) {
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${path}: is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * The file's top level as an object whose fields are all known (`$comment` is always allowed), so a
 * misspelt setting stops the start instead of silently leaving the default in force.
 */
export function configObject(
  raw: unknown,
  known: readonly string[],
  source: string,
): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${source}: file: must be a JSON object`);
  }
  for (const key of Object.keys(raw)) {
    if (key !== '$comment' && !known.includes(key)) {
      throw new ConfigError(`${source}: file: unknown field "${key}" (known: ${known.join(', ')})`);
    }
  }
  return raw as Record<string, unknown>;
}
