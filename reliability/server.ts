import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export const ADMIN_PASSWORD = 'reliability-admin-pass';

export interface RunningServer {
  proc: ChildProcess;
  base: string;
  startupMs: number;
}

/** Starts the built service (dist/src/main.js) on a SQLite file and waits for a healthy answer. */
export async function startServer(
  dbPath: string,
  port: number,
  env: Record<string, string> = {},
  /** Receives every line the service logs (stdout and stderr); without it stdout is dropped. */
  onLine?: (line: string) => void,
): Promise<RunningServer> {
  const started = performance.now();
  // The same flags as `npm start`.
  const proc = spawn(process.execPath, ['--max-old-space-size=192', 'dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'error',
      SCHEDULER_ENABLED: 'false',
      ...env,
    },
    stdio: onLine ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'inherit'],
  });
  if (onLine) {
    for (const stream of [proc.stdout, proc.stderr]) {
      createInterface({ input: stream! }).on('line', onLine);
    }
  }
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      throw new Error('server did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { proc, base, startupMs: performance.now() - started };
}

export async function stopServer(
  server: RunningServer,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (server.proc.exitCode !== null) {
    return;
  }
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill(signal);
  await exited;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** One JSON request; network failures (a killed server) reject. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    replayed: res.headers.get('idempotent-replayed') === 'true',
  };
}

export async function login(base: string): Promise<string> {
  const res = await call(base, 'POST', '/api/auth/login', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  if (res.status !== 200) {
    throw new Error(`admin login failed: ${res.status}`);
  }
  return `Bearer ${res.body.token as string}`;
}
