import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import { Logger, NotFoundException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { toErrorBody } from '../common/http-exception.filter';

/** Paths the pages route themselves (history API); a reload or a bookmark gets index.html. */
export const PAGE_ROUTES = [
  '/me',
  // The address of the leader's rotating check-in QR code (web/src/pages/check-in.tsx).
  '/me/check-in',
  '/counter',
  '/leader',
  '/leader/*',
  '/admin',
  '/admin/*',
  '/print/*',
  '/notice',
  '/notice/*',
  '/wishes',
  // A certificate's public check (its QR code); the printable certificate is under /print/.
  '/verify/*',
  '/account',
];

/**
 * The pages load only their own script and style and call only this origin's API; so does the
 * API's docs page (Swagger UI), which is sent the same policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setPageHeaders(res: SetHeadersResponse): void {
  // Built files keep their names, so browsers revalidate (ETag) instead of caching blindly.
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Page paths carry passbook numbers (/print/V…): never send them to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Serves the built web pages (`npm run build` puts them in web/dist) at `/`; the API stays under
 * `/api`. Without a build the service runs API-only and says so once.
 */
export async function registerWebPages(app: NestFastifyApplication, webDir: string): Promise<void> {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    new Logger('WebPages').warn(
      `no web pages in ${root} (run "npm run build"); serving the API only`,
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, so no catch-all route competes with /api.
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    // The build writes .br and .gz beside each file; browsers that accept them get those.
    preCompressed: true,
    setHeaders: setPageHeaders,
    // Source maps are not built for the pages; one left in an old build folder is not served.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
  });
  const fastify = app.getHttpAdapter().getInstance();
  for (const url of PAGE_ROUTES) {
    fastify.get(url, (_req, reply) => reply.sendFile('index.html'));
  }
  // A mistyped page address (/me/, /Counter) typed into a browser gets the pages, which say in
  // Chinese that there is no such page, with status 404; the API and scripts keep the coded JSON.
  fastify.get('/*', (req, reply) => {
    if (wantsPage(req.url, req.headers.accept)) {
      return reply.code(404).sendFile('index.html');
    }
    const body = toErrorBody(new NotFoundException());
    return reply
      .code(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  });
}

/** A browser asking for a page: HTML accepted, not under /api, no file extension. */
export function wantsPage(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  return (
    !/^\/api(\/|$)/i.test(path) &&
    !/\.[A-Za-z0-9]+$/.test(path) &&
    (accept ?? '').includes('text/html')
  );
}
