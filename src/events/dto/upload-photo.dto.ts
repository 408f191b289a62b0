import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { PHOTO_MAX } from '../../common/limits';
import { PHOTO_TYPES, PhotoType } from '../photo-content';

export class UploadPhotoDto {
  @ApiProperty({
    enum: PHOTO_TYPES,
    description: 'the image type; it must be what the bytes are (read from their first bytes)',
  })
  @IsIn(PHOTO_TYPES)
  contentType!: PhotoType;

  @ApiProperty({
    description: `the image, standard padded base64 without line breaks; at most ${PHOTO_MAX.bytes} bytes decoded`,
  })
  @IsString()
  data!: string;
}
