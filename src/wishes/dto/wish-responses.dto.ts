import { ApiProperty } from '@nestjs/swagger';
import { ServiceRecordViewDto } from '../../service-records/dto/service-record-responses.dto';
import { WISH_CATEGORIES, WISH_STATUSES } from '../entities/wish.entity';

// What the wish routes answer (OpenAPI only): the fields of WishesService's views.

class WisherDto {
  @ApiProperty({ enum: ['household', 'member'] }) type!: string;
  @ApiProperty({ description: 'masked but for admins', example: '王*奶' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the household, to donate toward it' })
  householdId!: number | null;
}

class WishClaimDto {
  @ApiProperty({ enum: ['member', 'team'] }) kind!: string;
  @ApiProperty({ description: "the volunteer's name (masked but for admins) or the team's name" })
  name!: string;
  @ApiProperty({ type: Number, nullable: true }) teamId!: number | null;
  @ApiProperty({ description: 'the caller is the claimer (the volunteer, a leader of the team)' })
  mine!: boolean;
  @ApiProperty() claimedAt!: string;
}

export class WishViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: WISH_STATUSES }) status!: string;
  @ApiProperty({ description: 'open, nobody claimed it, and its date has passed' })
  overdue!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ enum: WISH_CATEGORIES }) category!: string;
  @ApiProperty({ example: '2026-06-30' }) neededBy!: string;
  @ApiProperty({ type: WisherDto }) wisher!: WisherDto;
  @ApiProperty({ type: String, nullable: true, example: '30.00' }) pointsNeeded!: string | null;
  @ApiProperty({ example: '12.00', description: 'donations toward it, net of reversals' })
  pointsGiven!: string;
  @ApiProperty({ type: WishClaimDto, nullable: true }) claim!: WishClaimDto | null;
  @ApiProperty({ type: String, nullable: true }) fulfilledOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) fulfilNote!: string | null;
  @ApiProperty() createdAt!: string;
}

export class WishPageDto {
  @ApiProperty({ type: [WishViewDto] }) items!: WishViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: "the community's overdue wishes (open, date passed)" })
  overdueCount!: number;
}

export class WishFulfilmentDto {
  @ApiProperty({ type: WishViewDto }) wish!: WishViewDto;
  @ApiProperty({ type: [ServiceRecordViewDto] }) records!: ServiceRecordViewDto[];
}

class PublicWishDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: WISH_STATUSES }) status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ enum: WISH_CATEGORIES }) category!: string;
  @ApiProperty() neededBy!: string;
  @ApiProperty({ description: 'masked', example: '王*奶' }) name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the team's or the masked volunteer's name",
  })
  claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) pointsNeeded!: string | null;
  @ApiProperty() pointsGiven!: string;
}

class WishWallCommunityDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class PublicWishPageDto {
  @ApiProperty({ type: WishWallCommunityDto }) community!: WishWallCommunityDto;
  @ApiProperty({ type: [PublicWishDto] }) items!: PublicWishDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
