import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { AuthService, GENERATED_ADMIN_LINE } from './auth/auth.service';
import { AppConfig } from './config/app-config';

/** The address a person types for HOST and PORT: a wildcard host is reached as localhost. */
export function pagesUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const name = wildcard ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
  return `http://${name}:${port}/`;
}

/**
 * The last lines of a start: where the pages are and, on a first start with a generated password,
 * where that password is (the log line above; it is never repeated here).
 */
export function startLines(
  config: Pick<AppConfig, 'host' | 'port' | 'webDir'>,
  state: { generatedAdminPassword: boolean },
): string[] {
  const url = pagesUrl(config.host, config.port);
  const built = existsSync(resolve(config.webDir, 'index.html'));
  const lines = [
    built
      ? `Web pages at ${url} (API docs at ${url}api/docs)`
      : `API at ${url}api (docs at ${url}api/docs); no web pages built (run "npm run build")`,
  ];
  if (config.host === '0.0.0.0' || config.host === '::') {
    lines.push(
      `Listening on every address of this computer (HOST=${config.host}), port ${config.port}`,
    );
  }
  if (state.generatedAdminPassword) {
    lines.push(
      `First login: user "admin" with the password in the warning above that starts "${GENERATED_ADMIN_LINE}"; the pages then ask for a new one`,
    );
  }
  return lines;
}

/** Logs the start-up lines once the service listens (main.ts). */
export function announceStart(app: INestApplication, config: AppConfig): void {
  const logger = new Logger('Start');
  const lines = startLines(config, {
    generatedAdminPassword: app.get(AuthService).createdAdminWithGeneratedPassword(),
  });
  for (const line of lines) {
    logger.log(line);
  }
}
