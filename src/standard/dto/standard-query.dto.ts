import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from './local-date.decorator';

export class StandardQueryDto {
  @ApiPropertyOptional({
    description: 'Local date YYYY-MM-DD (default today)',
    example: '2026-06-15',
  })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}
