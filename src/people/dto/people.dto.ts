import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsObject,
  registerDecorator,
  ValidationArguments,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PIN_MESSAGE, PIN_RE } from '../../auth/dto/pin.dto';
import { IsId, IsIds } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { IsOneLine, Trim } from '../../common/validation';
import { PageQueryDto } from '../../common/pagination';
import { HARDSHIPS, Hardship } from '../entities/household.entity';
import { MEMBER_KINDS, MemberKind } from '../entities/member.entity';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import { MAINLAND_MOBILE_RE, normalisePhone, PHONE_MESSAGE } from '../phone';
import {
  ID_DOCUMENT_TYPES,
  IdDocumentType,
  idNumberProblem,
  normaliseIdNumber,
} from '../id-document';

/** Spaces, dashes and +86 are dropped before the mainland-mobile rule is checked. */
const phone = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normalisePhone(value) : value;
const JOINED_ON_HINT =
  'the local date the volunteer joined (加入日期), e.g. from the paper records; not in the future, not before 2000-01-01; left out: today';
const PASSBOOK_NO_HINT =
  'a pre-printed passbook number (8 characters, check character included); generated when left out';

/** The number is a valid one of the document's `type` (idNumberProblem names what is wrong). */
function IsIdNumberOfType(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIdNumberOfType',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const type = (args.object as { type?: unknown }).type;
          return (
            typeof value === 'string' &&
            (ID_DOCUMENT_TYPES as readonly unknown[]).includes(type) &&
            idNumberProblem(type as IdDocumentType, value) === null
          );
        },
        defaultMessage: (args: ValidationArguments) => {
          const type = (args.object as { type?: unknown }).type;
          if (typeof args.value !== 'string') {
            return 'number must be text';
          }
          return (ID_DOCUMENT_TYPES as readonly unknown[]).includes(type)
            ? (idNumberProblem(type as IdDocumentType, args.value) ?? 'number is not valid')
            : 'number is checked by its type: give a known type';
        },
      },
    });
}

const ID_NUMBER_HINT =
  'spaces and dashes are dropped, letters taken in capitals; a resident ID (resident_id) is 18 characters with the GB 11643 check digit. Stored sealed, answered masked (1101**********1234)';

export class IdDocumentDto {
  @ApiProperty({
    enum: ID_DOCUMENT_TYPES,
    description: '居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照, 其他',
  })
  @IsIn(ID_DOCUMENT_TYPES)
  type!: IdDocumentType;

  @ApiProperty({
    example: '110101199003071233',
    maxLength: TEXT_MAX.idNumber,
    description: ID_NUMBER_HINT,
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseIdNumber(value) : value,
  )
  @IsString()
  @MaxLength(TEXT_MAX.idNumber)
  @IsIdNumberOfType()
  number!: string;
}

export class CreateMemberDto {
  @ApiProperty({ maxLength: TEXT_MAX.name, example: '张三明' })
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name!: string;

  @ApiProperty({ enum: MEMBER_KINDS }) @IsIn(MEMBER_KINDS) kind!: MemberKind;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'a mainland mobile number; spaces, dashes and +86 are dropped',
  })
  @IsOptional()
  @Transform(phone)
  @IsString()
  @Matches(MAINLAND_MOBILE_RE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({
    pattern: PIN_RE.source,
    description: 'left out, a PIN is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @Matches(PIN_RE, { message: PIN_MESSAGE })
  pin?: string;

  @ApiPropertyOptional({ description: PASSBOOK_NO_HINT, example: 'V7K2MQ9X' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo?: string;

  @ApiPropertyOptional({ description: JOINED_ON_HINT, example: '2019-03-05' })
  @IsOptional()
  @IsLocalDate()
  joinedOn?: string;
  @ApiPropertyOptional({
    type: IdDocumentDto,
    description: 'the identity document (证件), for certificates and the national export',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IdDocumentDto)
  idDocument?: IdDocumentDto;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.name })
  @IsOptional()
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name?: string;

  @ApiPropertyOptional({ enum: MEMBER_KINDS })
  @IsOptional()
  @IsIn(MEMBER_KINDS)
  kind?: MemberKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null removes the phone; a mainland mobile number',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Transform(phone)
  @IsString()
  @Matches(MAINLAND_MOBILE_RE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({
    description: 'false: the volunteer can no longer log in (deactivatedOn becomes today)',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: JOINED_ON_HINT.replace('; left out: today', ''),
    example: '2019-03-05',
  })
  @IsOptional()
  @IsLocalDate()
  joinedOn?: string;

  @ApiPropertyOptional({
    type: IdDocumentDto,
    nullable: true,
    description: 'the identity document (证件); null removes it',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => IdDocumentDto)
  idDocument?: IdDocumentDto | null;
}

export class ListMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'part of a name, a passbook number, or (admins) a phone' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX.search)
  q?: string;

  @ApiPropertyOptional({ description: 'only members of this team' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  teamId?: number;
}

export class CreateTeamDto {
  @ApiProperty({ maxLength: TEXT_MAX.name, example: '家电维修服务队' })
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.name, example: '家电维修' })
  @IsOptional()
  @IsOneLine('serviceType', TEXT_MAX.name)
  serviceType?: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIds()
  leaderUserIds?: number[];
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.name })
  @IsOptional()
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX.name })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsOneLine('serviceType', TEXT_MAX.name)
  serviceType?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'replaces the team’s leaders' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIds()
  leaderUserIds?: number[];
}

export class AddTeamMemberDto {
  @ApiProperty() @IsId() memberId!: number;
}

export class CreateHouseholdDto {
  @ApiProperty({ maxLength: TEXT_MAX.name, example: '李奶奶' })
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name!: string;

  @ApiProperty({ enum: HARDSHIPS }) @IsIn(HARDSHIPS) hardship!: Hardship;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.address })
  @IsOptional()
  @IsOneLine('address', TEXT_MAX.address)
  address?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.name, description: 'a contact person or phone' })
  @IsOptional()
  @IsOneLine('contact', TEXT_MAX.name)
  contact?: string;

  @ApiPropertyOptional({ description: PASSBOOK_NO_HINT, example: 'H7K2MQ9X' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo?: string;
}

export class UpdateHouseholdDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.name })
  @IsOptional()
  @IsOneLine('name', TEXT_MAX.name, { notBlank: true })
  name?: string;

  @ApiPropertyOptional({ enum: HARDSHIPS }) @IsOptional() @IsIn(HARDSHIPS) hardship?: Hardship;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX.address })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsOneLine('address', TEXT_MAX.address)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX.name })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsOneLine('contact', TEXT_MAX.name)
  contact?: string | null;

  @ApiPropertyOptional({ description: 'false: no longer verified, cannot receive donations' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListHouseholdsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'part of a name or a passbook number (staff only)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX.search)
  q?: string;
}

/** One roster row as JSON (what a spreadsheet's cells say); checked row by row, not here. */
export class RosterRowDto {
  @ApiPropertyOptional({ example: '张三明' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  name?: string;

  @ApiPropertyOptional({ description: '党员 / 群众 (or party_member / resident); blank: 群众' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  kind?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  phone?: string;

  @ApiPropertyOptional({
    description: 'team names separated by 、 , ； or /; unknown teams are created',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterTeams)
  teams?: string;

  @ApiPropertyOptional({ description: PASSBOOK_NO_HINT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  passbookNo?: string;

  @ApiPropertyOptional({ description: '6 digits; blank: generated and returned once' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  pin?: string;

  @ApiPropertyOptional({
    description: '加入日期: YYYY-MM-DD (or 2019/3/5, 2019年3月5日); blank: the day of the import',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.rosterCell)
  joinedOn?: string;
}

export class ImportMembersDto {
  @ApiPropertyOptional({
    description: 'the spreadsheet, base64; its first row names the columns (姓名 at least)',
  })
  @ValidateIf((o: ImportMembersDto) => o.rows === undefined)
  @IsString()
  @MaxLength(TEXT_MAX.rosterFile)
  @Matches(/^[A-Za-z0-9+/=\s]*$/, { message: 'file must be base64' })
  file?: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], description: 'with `file`' })
  @ValidateIf((o: ImportMembersDto) => o.file !== undefined)
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';

  @ApiPropertyOptional({
    type: [RosterRowDto],
    description: 'rows already read, instead of `file`',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RosterRowDto)
  rows?: RosterRowDto[];

  @ApiPropertyOptional({ description: 'import the valid rows and leave the refused ones out' })
  @IsOptional()
  @IsBoolean()
  skipInvalid?: boolean;
}

const bool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ImportMembersQueryDto {
  @ApiPropertyOptional({ description: 'true: check and report, write nothing' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  dryRun?: boolean;
}

export class ExportMembersQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class DuplicateMembersQueryDto {
  @ApiProperty({ maxLength: TEXT_MAX.name })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.name)
  name!: string;

  @ApiPropertyOptional({ description: 'as typed; compared as a mainland mobile number' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.search)
  phone?: string;
}
