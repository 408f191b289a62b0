import { Activity } from './activity.entity';
import { ServiceRecord } from './service-record.entity';

/** The entities this module owns: service records and the activities that group them. */
export const serviceRecordEntities = [ServiceRecord, Activity];
