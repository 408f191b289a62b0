import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_UNITS } from '../scoring-standard';

// What the scoring-standard routes answer (OpenAPI only): scoring-standard.ts's standardView.

class StandardItemDto {
  @ApiProperty({ example: 'appliance_repair' }) code!: string;
  @ApiProperty({ example: '家电维修' }) name!: string;
  @ApiProperty({ enum: ITEM_UNITS }) unit!: string;
  @ApiProperty({ example: '2.00' }) pointsPerUnit!: string;
  @ApiPropertyOptional({ example: '8.00', description: 'absent: no cap of its own' })
  maxUnitsPerDay?: string;
  @ApiPropertyOptional({ description: 'present (true) when only an administrator awards it' })
  adminOnly?: boolean;
  @ApiPropertyOptional({
    example: '3.00',
    description:
      'per-time items: the service hours one time stands for (a fair morning 3.00); absent for hourly items and in versions written before it, whose per-time records count 0 hours',
  })
  hoursPerTime?: string;
}

class StandardCategoryDto {
  @ApiProperty({ example: 'repair' }) code!: string;
  @ApiProperty({ example: '维修服务' }) name!: string;
  @ApiProperty({ type: [StandardItemDto] }) items!: StandardItemDto[];
}

export class StandardViewDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the last day in force; null while no later version is loaded',
  })
  effectiveUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: [StandardCategoryDto] }) categories!: StandardCategoryDto[];
}

class StandardVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() contentHash!: string;
  @ApiProperty() loadedAt!: string;
  @ApiProperty({ description: 'number of categories' }) categories!: number;
  @ApiProperty({ description: 'number of items' }) items!: number;
}

export class StandardVersionsDto {
  @ApiProperty({ type: [StandardVersionSummaryDto], description: 'newest first' })
  items!: StandardVersionSummaryDto[];
}
