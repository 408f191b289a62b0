import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { PHOTO_BODY_BYTES_MAX } from '../common/limits';
import { Route } from '../common/route';
import { EventPhotoListDto, EventPhotoViewDto } from './dto/event-photo-responses.dto';
import { UploadPhotoDto } from './dto/upload-photo.dto';
import { EventPhotosService } from './event-photos.service';
import { PHOTO_TYPES } from './photo-content';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

@ApiTags('events')
@ApiBearerAuth()
@Controller('events/:id/photos')
export class EventPhotosController {
  constructor(private readonly photos: EventPhotosService) {}

  @Post()
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Add an evidence photo (JPEG, PNG or WebP, at most 2 MB, 9 per event), base64',
    created: EventPhotoViewDto,
  })
  @RouteConfig({ bodyLimit: PHOTO_BODY_BYTES_MAX })
  upload(
    @Param('id', idParam('event')) id: number,
    @Body() dto: UploadPhotoDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.photos.upload(principal, id, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'leader'],
    summary: "The event's photos, without their bytes",
    ok: EventPhotoListDto,
  })
  list(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.photos.list(principal, id);
  }

  @Get(':photoId')
  @Route({
    roles: ['admin', 'leader'],
    summary: 'One photo: its bytes, with the type they were checked to be',
  })
  @ApiProduces(...PHOTO_TYPES)
  @ApiOkResponse({
    description: 'the image as uploaded; ETag is its sha256',
    content: Object.fromEntries(
      PHOTO_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async download(
    @Param('id', idParam('event')) id: number,
    @Param('photoId', idParam('photo')) photoId: number,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Buffer> {
    const photo = await this.photos.download(principal, id, photoId);
    reply.header('content-type', photo.contentType);
    reply.header('content-disposition', 'inline');
    // Never read as anything but the image type it was checked to be.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('etag', `"${photo.sha256}"`);
    return photo.bytes;
  }

  @Delete(':photoId')
  @HttpCode(204)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Delete a photo: while the event is planned; after, an admin only',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  async remove(
    @Param('id', idParam('event')) id: number,
    @Param('photoId', idParam('photo')) photoId: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.photos.remove(principal, id, photoId);
  }
}
