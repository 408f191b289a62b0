import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { announceStart } from './start-lines';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp({ config });
  await app.listen(config.port, config.host);
  announceStart(app, config);
}

main().catch((err: unknown) => {
  // A bad community file (CONFIG_DIR) is the operator's to fix: its message names file and field.
  console.error(
    err instanceof ConfigError
      ? err.message
      : `failed to start: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
