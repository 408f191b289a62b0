import { ApiProperty } from '@nestjs/swagger';
import { PHOTO_TYPES } from '../photo-content';

export class EventPhotoViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PHOTO_TYPES, description: 'the type its bytes were checked to be' })
  contentType!: string;
  @ApiProperty({ description: 'bytes, decoded', example: 183_204 }) size!: number;
  @ApiProperty({ description: 'hex sha256 of the bytes; the download’s ETag' }) sha256!: string;
  @ApiProperty({ example: 'user:2' }) uploadedBy!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) uploadedAt!: string;
}

export class EventPhotoListDto {
  @ApiProperty({ type: [EventPhotoViewDto], description: 'in the order they were uploaded' })
  items!: EventPhotoViewDto[];
}
