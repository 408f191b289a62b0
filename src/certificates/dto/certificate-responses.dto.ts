import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { MaskedIdDocumentDto } from '../../people/dto/people-responses.dto';

// What the certificate routes answer (OpenAPI only): the fields of CertificatesService's views.

const STATUSES = ['valid', 'revoked', 'invalid'];

class CertificateItemLineDto {
  @ApiProperty({ example: 'B01' }) itemCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '入户助老' }) itemName!: string | null;
  @ApiProperty({ example: '6.00' }) hours!: string;
  @ApiProperty({ description: 'how many service records' }) records!: number;
}

class CertificateCategoryDto {
  @ApiProperty({ example: 'B' }) categoryCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '助老服务' }) categoryName!: string | null;
  @ApiProperty({ example: '6.00' }) hours!: string;
  @ApiProperty({ type: [CertificateItemLineDto] }) items!: CertificateItemLineDto[];
}

class CertificateIdDocumentDto extends MaskedIdDocumentDto {
  @ApiProperty({ example: '居民身份证' }) typeName!: string;
}

class CertificateVolunteerDto {
  @ApiProperty({ example: '张三明' }) name!: string;
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty({ type: CertificateIdDocumentDto, nullable: true })
  idDocument!: CertificateIdDocumentDto | null;
}

class CertificateCommunityDto {
  @ApiProperty({ example: 'default' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区志愿服务站' })
  issuer!: string | null;
  @ApiProperty({ type: String, nullable: true }) personInCharge!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactAddress!: string | null;
}

class RevocationDto {
  @ApiProperty() revokedAt!: string;
  @ApiProperty({ example: 'user:1' }) revokedBy!: string;
  @ApiProperty() reason!: string;
}

/** A certificate as the office reads it: its signed content and where it stands. */
export class CertificateViewDto {
  @ApiProperty({ example: 'default-2026-000001' }) number!: string;
  @ApiProperty({
    enum: STATUSES,
    description: 'invalid: the stored content does not match its signature',
  })
  status!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ example: '2026-06-15', description: 'the date printed on it (local)' })
  issuedOn!: string;
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-06-30' }) to!: string;
  @ApiProperty() memberId!: number;
  @ApiProperty({ type: CertificateVolunteerDto }) volunteer!: CertificateVolunteerDto;
  @ApiProperty({ example: '12.50', description: 'verified service hours in the period' })
  hours!: string;
  @ApiProperty({ type: [CertificateCategoryDto] }) service!: CertificateCategoryDto[];
  @ApiProperty({ type: CertificateCommunityDto }) community!: CertificateCommunityDto;
  @ApiProperty({ example: '李红' }) handler!: string;
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
  @ApiProperty({ description: 'Ed25519 signature (base64) of the canonical payload' })
  signature!: string;
  @ApiProperty({ type: RevocationDto, nullable: true }) revocation!: RevocationDto | null;
}

/** One line of the register. */
export class CertificateListItemDto {
  @ApiProperty({ example: 'default-2026-000001' }) number!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() memberId!: number;
  @ApiProperty({ example: '张三明' }) name!: string;
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ example: '12.50' }) hours!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: 'user:1' }) issuedBy!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
}
export const CertificatePageDto = pageDtoOf(CertificateListItemDto);

class PublicCommunityDto {
  @ApiProperty({ example: 'default' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区志愿服务站' })
  issuer!: string | null;
}

/** What anyone with the number learns: whether it is genuine, and no more than a masked name. */
export class CertificateCheckDto {
  @ApiProperty({ example: 'default-2026-000001' }) number!: string;
  @ApiProperty({
    enum: STATUSES,
    description:
      'valid: signed content unchanged and not revoked; invalid: the other fields are null',
  })
  status!: string;
  @ApiProperty({ type: String, nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '张*明' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12.50' }) hours!: string | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty({ type: PublicCommunityDto, nullable: true }) community!: PublicCommunityDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'when it was revoked' })
  revokedAt!: string | null;
}

export class CertificateKeyDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm!: string;
  @ApiProperty({ description: 'SPKI PEM' }) publicKeyPem!: string;
  @ApiProperty({ description: 'SHA-256 of the DER public key, hex in groups of four' })
  fingerprint!: string;
}
