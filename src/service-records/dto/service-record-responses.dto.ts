import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { SERVICE_RECORD_STATUSES } from '../service-record.view';

// What the service-record and activity routes answer (OpenAPI only): service-record.view.ts's shapes.

export class ServiceRecordViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() memberId!: number;
  @ApiProperty({ type: String, nullable: true }) memberName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) teamId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) activityId!: number | null;
  @ApiProperty({ example: 'appliance_repair' }) itemCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '家电维修' }) itemName!: string | null;
  @ApiProperty({ example: 'repair' }) categoryCode!: string;
  @ApiProperty({ enum: ['hour', 'time'] }) unit!: string;
  @ApiProperty() standardVersion!: number;
  @ApiProperty({ example: '2.00' }) quantity!: string;
  @ApiProperty({ example: '2.00' }) hours!: string;
  @ApiProperty({ example: '4.00' }) points!: string;
  @ApiProperty({ example: '2026-06-14' }) serviceDate!: string;
  @ApiProperty({ enum: SERVICE_RECORD_STATUSES }) status!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the earn, once posted',
  })
  transactionId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  reversalTransactionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty({ example: 'user:3' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}
export class DecisionResultDto {
  @ApiPropertyOptional({ description: 'how many pending records were credited (approve)' })
  approved?: number;
  @ApiPropertyOptional({ description: 'how many pending records were rejected (reject)' })
  rejected?: number;
  @ApiProperty({ type: [Number], description: 'ids already decided before, left as they were' })
  unchanged!: number[];
  @ApiProperty({ type: [ServiceRecordViewDto], description: 'every record asked, as it is now' })
  records!: ServiceRecordViewDto[];
}

export const ServiceRecordPageDto = pageDtoOf(ServiceRecordViewDto);

export class RecordReversalDto {
  @ApiProperty({ format: 'uuid', description: 'the reversal transaction' }) transactionId!: string;
  @ApiProperty({ format: 'uuid', description: 'the earn it reverses' }) reverses!: string;
  @ApiProperty({ type: ServiceRecordViewDto, description: 'the record, as it was' })
  record!: ServiceRecordViewDto;
}

class ServiceDatesDto {
  @ApiProperty({ example: '2026-06-08' }) earliest!: string;
  @ApiProperty({ example: '2026-06-15' }) latest!: string;
}

export class ServiceRecordSettingsDto {
  @ApiProperty() approvalRequired!: boolean;
  @ApiProperty() backDatingDays!: number;
  @ApiProperty({ example: '12.00' }) maxHoursPerDay!: string;
  @ApiProperty({ type: ServiceDatesDto, description: 'the dates that may be logged today' })
  serviceDates!: ServiceDatesDto;
}

export class ActivityViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() teamId!: number;
  @ApiProperty() itemCode!: string;
  @ApiProperty({ type: String, nullable: true }) itemName!: string | null;
  @ApiProperty({ example: '六月雷锋号便民大集' }) title!: string;
  @ApiProperty({ example: '2026-06-14' }) serviceDate!: string;
  @ApiProperty() standardVersion!: number;
  @ApiProperty({ description: 'how many took part' }) participants!: number;
  @ApiProperty({ example: '40.00' }) totalPoints!: string;
  @ApiProperty({ example: '20.00' }) totalHours!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [ServiceRecordViewDto] }) records!: ServiceRecordViewDto[];
}
