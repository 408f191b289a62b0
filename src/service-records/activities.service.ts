import { Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { AccessPolicy, inCommunity } from '../access/access.policy';
import { Database } from '../common/db/database';
import { DomainError } from '../common/errors';
import { findItem } from '../standard/scoring-standard';
import { StandardService } from '../standard/standard.service';
import { Activity } from './entities/activity.entity';
import { ServiceRecord } from './entities/service-record.entity';
import { LogLine } from './scoring';
import { activityView } from './service-record.view';
import { ServiceRecordsService } from './service-records.service';

/** Team activities: many participants' service logged as one, all or none, and read back. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: Database,
    private readonly records: ServiceRecordsService,
    private readonly standard: StandardService,
    private readonly access: AccessPolicy,
  ) {}

  /** `POST /api/activities`: a team event with many participants, all or none. */
  async logActivity(
    principal: Principal,
    input: {
      teamId: number;
      itemCode: string;
      title: string;
      serviceDate: string;
      participants: LogLine[];
      confirmDuplicate?: boolean;
    },
  ) {
    const title = input.title.trim();
    if (title === '') {
      throw DomainError.validation('title must name the activity', {
        fields: [{ field: 'title', problems: ['title must name the activity'] }],
      });
    }
    const { activity, itemName, rows, records } = await this.records.log({
      principal,
      itemCode: input.itemCode,
      serviceDate: input.serviceDate,
      teamId: input.teamId,
      lines: input.participants,
      fieldOf: (i, field) => `participants[${i}].${field}`,
      activityTitle: title,
      confirmDuplicate: input.confirmDuplicate === true,
    });
    return activityView(activity!, itemName, rows, records);
  }

  /** `GET /api/activities/:id` for an admin or a leader of the activity's team. */
  async getActivity(principal: Principal, id: number) {
    return this.db.read(async (em) => {
      const activity = await em.findOneBy(Activity, { id });
      if (!activity) {
        throw DomainError.notFound('activity');
      }
      if (
        !inCommunity(principal, activity.communityId) ||
        !(await this.access.maySeeTeamWork(principal, activity.teamId))
      ) {
        throw DomainError.notFound('activity');
      }
      const rows = await em.find(ServiceRecord, {
        where: { activityId: id },
        order: { id: 'ASC' },
      });
      const version = await this.standard.getVersion(
        activity.communityId,
        activity.standardVersion,
      );
      const records = await this.records.views(em, rows);
      return activityView(
        activity,
        findItem(version, activity.itemCode)?.item.name ?? null,
        rows,
        records,
      );
    });
  }
}
