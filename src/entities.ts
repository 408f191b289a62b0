import { IdempotencyRecord } from './common/idempotency/idempotency-record.entity';
import { authEntities } from './auth/entities';
import { ledgerEntities } from './ledger/entities';
import { peopleEntities } from './people/entities';
import { serviceRecordEntities } from './service-records/entities';
import { shopEntities } from './shop/entities';
import { standardEntities } from './standard/entities';
import { donationEntities } from './donations/entities';
import { ratingEntities } from './ratings/entities';
import { communityEntities } from './communities/entities';
import { eventEntities } from './events/entities';
import { wishEntities } from './wishes/entities';
import { certificateEntities } from './certificates/entities';
import { menuEntities } from './menu/entities';

/**
 * Every entity, listed (no globs) so ts-jest, ts-node and compiled runs load the same set: each
 * feature module declares the entities it owns in its `entities/index.ts`, and common/ adds the
 * idempotency records.
 */
export const entities = [
  IdempotencyRecord,
  ...communityEntities,
  ...authEntities,
  ...ledgerEntities,
  ...peopleEntities,
  ...serviceRecordEntities,
  ...shopEntities,
  ...standardEntities,
  ...donationEntities,
  ...wishEntities,
  ...ratingEntities,
  ...eventEntities,
  ...certificateEntities,
  ...menuEntities,
];
