import { formatCents } from '../common/points';
import { StandardItem } from '../standard/scoring-standard';
import { Activity } from './entities/activity.entity';
import { ServiceRecord, ServiceRecordStatus } from './entities/service-record.entity';

export type { ServiceRecordStatus };
export const SERVICE_RECORD_STATUSES: ServiceRecordStatus[] = ['posted', 'pending', 'rejected'];

/** The API shape of a service record; amounts are two-place strings. */
export function serviceRecordView(
  r: ServiceRecord,
  extra: {
    memberName: string | null;
    itemName: string | null;
    reversalTransactionId: string | null;
  },
) {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: extra.memberName,
    teamId: r.teamId,
    activityId: r.activityId,
    itemCode: r.itemCode,
    itemName: extra.itemName,
    categoryCode: r.categoryCode,
    unit: r.unit,
    standardVersion: r.standardVersion,
    quantity: formatCents(r.quantity),
    hours: formatCents(r.hours),
    points: formatCents(r.points),
    serviceDate: r.serviceDate,
    status: r.status,
    transactionId: r.transactionId,
    reversalTransactionId: extra.reversalTransactionId,
    note: r.note,
    rejectReason: r.rejectReason,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    eventId: r.eventId,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    hoursSource: r.hoursSource,
    confirmedDistinctFrom: r.confirmedDistinctFrom,
  };
}

export type ServiceRecordView = ReturnType<typeof serviceRecordView>;

export function activityView(
  a: Activity,
  itemName: string | null,
  rows: ServiceRecord[],
  records: ServiceRecordView[],
) {
  const points = rows.reduce((sum, r) => sum + r.points, 0);
  const hours = rows.reduce((sum, r) => sum + r.hours, 0);
  return {
    id: a.id,
    teamId: a.teamId,
    itemCode: a.itemCode,
    itemName,
    title: a.title,
    serviceDate: a.serviceDate,
    standardVersion: a.standardVersion,
    participants: a.participants,
    totalPoints: formatCents(points),
    totalHours: formatCents(hours),
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    records,
  };
}

/** "家电维修 2.5小时", "理发 3次": what a volunteer reads in the passbook. */
export function earnDescription(item: StandardItem, quantity: number): string {
  const amount = formatCents(quantity).replace(/\.?0+$/, '');
  return `${item.name} ${amount}${item.unit === 'hour' ? '小时' : '次'}`;
}
