import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** How long a client may hold a connection without doing its part (HTTP_* variables, README). */
export interface HttpLimits {
  /** A connection that sends no request for this long is closed (also after a response). */
  idleTimeoutMs: number;
  /** All headers of a request must arrive within this (a header a byte at a time is cut). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a slow body is cut with 408). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between two requests is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are refused at once, so idle sockets cannot use up the process. */
  maxConnections: number;
}

/** The part of the limits Fastify hands to Node's HTTP server when it creates it. */
export function fastifyServerOptions(limits: HttpLimits) {
  return {
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks these timeouts on an interval (30 s by default), which would stretch every bound.
      connectionsCheckingInterval: Math.min(1000, Math.max(50, limits.headersTimeoutMs / 4)),
    },
  };
}

/**
 * The rest, on the server itself: the connection cap, and an idle timeout that closes a connection
 * waiting for a request but never one whose request is being answered (a long verify sends nothing
 * for a while and must not be cut).
 */
export function limitConnections(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket) => {
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
  });
  // Node re-arms the socket timeout after each response (keep-alive), which closes it again then.
  server.on('request', (req) => req.socket.setTimeout(0));
}

/** Swagger UI's own files under /api/docs/ are static and may be cached like any static file. */
const DOCS_ASSET = /^\/api\/docs\/.+\.(js|css|png|map)$/;

/**
 * Headers of every API answer: `Cache-Control: no-store` (passbooks and tokens must not stay in a
 * shared browser's or proxy's cache), and the docs page's Content-Security-Policy.
 */
export function addApiHeaders(fastify: FastifyInstance, docsContentSecurityPolicy: string): void {
  fastify.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0];
    if (path !== '/api' && !path.startsWith('/api/')) {
      return payload;
    }
    if (!DOCS_ASSET.test(path)) {
      reply.header('Cache-Control', 'no-store');
    }
    if (path === '/api/docs' || path.startsWith('/api/docs/')) {
      reply.header('Content-Security-Policy', docsContentSecurityPolicy);
      reply.header('X-Content-Type-Options', 'nosniff');
    }
    return payload;
  });
}

/**
 * A route that takes a larger body than the app's `bodyLimit` says so in its route config
 * (`@RouteConfig({ bodyLimit })`, Nest passes only `config` on): this makes it Fastify's own route
 * option, which wins over the parser's limit, and every other route keeps the app's.
 */
export function routeBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config: { bodyLimit?: unknown } | undefined = route.config;
    const limit = config?.bodyLimit;
    if (typeof limit === 'number') {
      route.bodyLimit = limit;
    }
  });
}
