import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { HARDSHIPS } from '../entities/household.entity';
import { MEMBER_KINDS } from '../entities/member.entity';
import { ID_DOCUMENT_TYPES } from '../id-document';

export class MaskedIdDocumentDto {
  @ApiProperty({ enum: ID_DOCUMENT_TYPES }) type!: string;
  @ApiProperty({ example: '1101**********1233', description: 'always masked' }) number!: string;
}

// What the people routes answer (OpenAPI only): the fields of PeopleService's and RosterService's views.

export class MemberViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'V0000012' }) passbookNo!: string;
  @ApiProperty({ example: '张三明' }) name!: string;
  @ApiProperty({ enum: MEMBER_KINDS }) kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'full for admins, masked (138****5678) for leaders',
  })
  phone!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ example: '12.00' }) balance!: string;
  @ApiProperty({ type: [Number] }) teamIds!: number[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ example: '2019-03-05', description: 'the local date the volunteer joined' })
  joinedOn!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'the local date of the deactivation; null while active',
  })
  deactivatedOn!: string | null;
  @ApiProperty({
    type: MaskedIdDocumentDto,
    nullable: true,
    description: 'the identity document (证件), its number masked for everyone',
  })
  idDocument!: MaskedIdDocumentDto | null;
}
export const MemberPageDto = pageDtoOf(MemberViewDto);

export class CreatedMemberDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'V0000012' }) passbookNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MEMBER_KINDS }) kind!: string;
  @ApiProperty({ example: '0.00' }) balance!: string;
  @ApiProperty({ type: MaskedIdDocumentDto, nullable: true, description: 'its number masked' })
  idDocument!: MaskedIdDocumentDto | null;
  @ApiPropertyOptional({ description: 'the generated PIN, shown once (absent when one was given)' })
  pin?: string;
}

export class PinResetDto {
  @ApiProperty() id!: number;
  @ApiProperty() passbookNo!: string;
  @ApiPropertyOptional({ description: 'the generated PIN, shown once (absent when one was given)' })
  pin?: string;
}

class SameNamedMemberDto {
  @ApiProperty() id!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'the phone matches too' }) samePhone!: boolean;
}

export class SameNamedMembersDto {
  @ApiProperty({ type: [SameNamedMemberDto] }) items!: SameNamedMemberDto[];
}

class RowProblemDto {
  @ApiProperty({ enum: ['name', 'kind', 'phone', 'pin', 'passbookNo', 'teams', 'row'] })
  field!: string;
  @ApiProperty({ example: 'DUPLICATE_EXISTING' }) reason!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'the other row (DUPLICATE_IN_FILE)' }) row?: number;
  @ApiPropertyOptional({ description: 'the passbook already open' }) passbookNo?: string;
}

class ImportRowReportDto {
  @ApiProperty({ description: "the row's number in the file (header is row 1)" }) row!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, enum: MEMBER_KINDS }) kind!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: [String] }) teams!: string[];
  @ApiProperty({ enum: ['ok', 'refused', 'imported', 'skipped'] }) status!: string;
  @ApiProperty({ type: [RowProblemDto] }) problems!: RowProblemDto[];
  @ApiProperty({ type: [RowProblemDto] }) warnings!: RowProblemDto[];
  @ApiPropertyOptional() memberId?: number;
  @ApiPropertyOptional() passbookNo?: string;
  @ApiPropertyOptional({ description: 'the generated PIN, shown once' }) pin?: string;
}

export class ImportReportDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() total!: number;
  @ApiProperty() valid!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String], description: 'teams the import creates' }) newTeams!: string[];
  @ApiProperty({ type: [ImportRowReportDto] }) rows!: ImportRowReportDto[];
}

export class TeamViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '家电维修服务队' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) serviceType!: string | null;
  @ApiProperty({ type: [Number] }) leaderUserIds!: number[];
  @ApiProperty() memberCount!: number;
  @ApiProperty() createdAt!: string;
}
export const TeamPageDto = pageDtoOf(TeamViewDto);

export class CreatedTeamDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) serviceType!: string | null;
  @ApiProperty({ type: [Number] }) leaderUserIds!: number[];
}

export class TeamMembershipDto {
  @ApiProperty() teamId!: number;
  @ApiProperty() memberId!: number;
}

export class HouseholdViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'H0000003' }) passbookNo!: string;
  @ApiProperty({ example: '李奶奶' }) name!: string;
  @ApiProperty({ enum: HARDSHIPS }) hardship!: string;
  @ApiProperty({ type: String, nullable: true, description: 'full for admins, masked for clerks' })
  address!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'full for admins, masked for clerks' })
  contact!: string | null;
  @ApiProperty() verified!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ example: '30.00' }) balance!: string;
  @ApiProperty() createdAt!: string;
}

/** A household in the list: staff get every field, a volunteer (choosing whom to give to) only id, name and hardship. */
export class HouseholdListItemDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HARDSHIPS }) hardship!: string;
  @ApiPropertyOptional({ description: 'staff' }) passbookNo?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'staff' })
  address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'staff' })
  contact?: string | null;
  @ApiPropertyOptional({ description: 'staff' }) verified?: boolean;
  @ApiPropertyOptional({ description: 'staff' }) active?: boolean;
  @ApiPropertyOptional({ description: 'staff' }) balance?: string;
  @ApiPropertyOptional({ description: 'staff' }) createdAt?: string;
}
export const HouseholdPageDto = pageDtoOf(HouseholdListItemDto);

export class CreatedHouseholdDto {
  @ApiProperty() id!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HARDSHIPS }) hardship!: string;
  @ApiProperty() verified!: boolean;
}
