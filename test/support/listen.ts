import { createServer, Server } from 'node:net';

/** Starts listening on `port` at `host`; rejects with the server's error (EADDRINUSE…). */
export type Listen = (port: number, host: string) => Promise<unknown>;

/** A Node server's listen as a Listen (the app's own `app.listen` already is one). */
export function listenOf(server: Server): Listen {
  return (port, host) =>
    new Promise<void>((resolve, reject) => {
      const failed = (err: Error) => reject(err);
      server.once('error', failed);
      server.listen(port, host, () => {
        server.removeListener('error', failed);
        resolve();
      });
    });
}

/**
 * The one way a test starts a server on a port: 127.0.0.1, the first free port of the test's own
 * range [from, to] tried from a random start (tests running side by side rarely collide), or any
 * port the system picks when no range is given. Returns the port.
 */
export async function listenOnLoopback(
  listen: Listen | Server,
  range?: { from: number; to: number },
): Promise<number> {
  const start = typeof listen === 'function' ? listen : listenOf(listen);
  if (!range) {
    if (typeof listen === 'function') {
      throw new Error('a listen function needs a port range');
    }
    await start(0, '127.0.0.1');
    const address = listen.address();
    return typeof address === 'object' && address ? address.port : 0;
  }
  const { from, to } = range;
  const size = to - from + 1;
  const first = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = from + ((first + i) % size);
    try {
      await start(port, '127.0.0.1');
      return port;
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE') {
        throw err;
      }
    }
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** A port free right now, for a server another process will start (the browser tests' app). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listenOnLoopback(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
