import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { ServiceRecordViewDto } from '../../service-records/dto/service-record-responses.dto';

// What the service menu's routes answer (OpenAPI only): the shapes of MenuService and OrdersService views.

export class MenuItemViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() teamId!: number;
  @ApiProperty({ type: String, nullable: true, example: '理发服务队' }) teamName!: string | null;
  @ApiProperty({ example: 'haircut' }) itemCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '理发' }) itemName!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hour', 'time'] }) unit!: string | null;
  @ApiProperty({ example: '上门理发' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '每周六上午' }) availability!: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
}

export class MenuListDto {
  @ApiProperty({ type: [MenuItemViewDto] }) items!: MenuItemViewDto[];
}

class PublicMenuItemDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() availability!: string;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
  @ApiProperty({ type: String, nullable: true }) itemName!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hour', 'time'] }) unit!: string | null;
}

class PublicCommunityRefDto {
  @ApiProperty({ example: 'lingnan' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区' }) name!: string | null;
}

export class PublicMenuDto {
  @ApiProperty({ type: PublicCommunityRefDto }) community!: PublicCommunityRefDto;
  @ApiProperty({ type: [PublicMenuItemDto] }) items!: PublicMenuItemDto[];
}

class OrderedForDto {
  @ApiProperty({ enum: ['member', 'household'] }) type!: string;
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'masked (张*明) unless an admin or the volunteer themself' })
  name!: string;
}

class OrderAssigneeDto {
  @ApiProperty() memberId!: number;
  @ApiProperty({ description: 'masked to volunteers' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the record logged when done' })
  serviceRecordId!: number | null;
}

class OrderRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) stars!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() ratedAt!: string;
}

export class OrderViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() menuItemId!: number;
  @ApiProperty({ example: '上门理发' }) title!: string;
  @ApiProperty({ example: 'haircut' }) itemCode!: string;
  @ApiProperty({ type: String, nullable: true }) itemName!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hour', 'time'] }) unit!: string | null;
  @ApiProperty() teamId!: number;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
  @ApiProperty({ type: OrderedForDto }) orderedFor!: OrderedForDto;
  @ApiProperty({ example: '周六上午' }) preferredTime!: string;
  @ApiProperty({ example: '岭南小区3号楼2单元501' }) place!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['placed', 'accepted', 'declined', 'done', 'cancelled'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: [OrderAssigneeDto] }) assignees!: OrderAssigneeDto[];
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) declinedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'local date it was served on' })
  serviceDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) doneAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: OrderRatingDto, nullable: true }) rating!: OrderRatingDto | null;
}

export class OrderDoneViewDto extends OrderViewDto {
  @ApiProperty({
    type: [ServiceRecordViewDto],
    description: 'the records logged for the volunteers',
  })
  records!: ServiceRecordViewDto[];
}

export const OrderPageDto = pageDtoOf(OrderViewDto);
