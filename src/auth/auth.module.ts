import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthController, MeController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LockoutService } from './lockout.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: Math.max(config.rateLimitPerMinute, 1) }],
        skipIf: () => config.rateLimitPerMinute === 0,
        // One budget per client across all endpoints, not one per endpoint.
        generateKey: (_context, tracker) => tracker,
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    AuthService,
    LockoutService,
    UsersService,
    // Listed before the auth guard, so a flood of bad tokens is limited too.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, LockoutService],
})
export class AuthModule {}
