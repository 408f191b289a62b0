import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access.policy';

/** The one access policy, available to every feature module. */
@Global()
@Module({ providers: [AccessPolicy], exports: [AccessPolicy] })
export class AccessModule {}
