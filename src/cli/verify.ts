import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { LedgerService } from '../ledger/ledger.service';

/** `npm run ledger:verify`: recomputes the hash chain and balances; exit code 1 names the first bad seq. */
async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), schedulerEnabled: false };
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot({ config }), {
    logger: ['error'],
  });
  const ledger = ctx.get(LedgerService);
  const started = Date.now();
  const result = await ledger.verify();
  const trial = await ledger.trialBalance();
  await ctx.close();
  console.log(
    JSON.stringify(
      { ...result, trialBalance: trial, seconds: (Date.now() - started) / 1000 },
      null,
      2,
    ),
  );
  process.exit(result.ok && trial.ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error('verify failed:', err instanceof Error ? err.message : err);
  process.exit(2);
});
