import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mayDeleteEventPhoto } from '../access/access.policy';
import { actorOf, Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { PHOTO_MAX } from '../common/limits';
import { toSafeInteger } from '../common/points';
import { UploadPhotoDto } from './dto/upload-photo.dto';
import { EventPhoto } from './entities';
import { EventsService } from './events.service';
import { decodeStrictBase64, photoTypeOf } from './photo-content';

/** What the API shows of a photo (its bytes come from `download`). */
export interface EventPhotoView {
  id: number;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

const LABEL: Record<string, string> = {
  'image/jpeg': 'a JPEG',
  'image/png': 'a PNG',
  'image/webp': 'a WebP',
};

const invalid = (field: string, problem: string): DomainError =>
  DomainError.validation(problem, { fields: [{ field, problems: [problem] }] });

/**
 * Evidence photos of an event (活动照片): the sign-in sheet, the square at the fair. Kept in the
 * database (base64 in `event_photos.data`), so every backup of the database holds them. Only those
 * who run the event (EventsService.toRun) upload, list, download and delete them; anyone else gets
 * 404 for the event and its photos alike.
 */
@Injectable()
export class EventPhotosService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  /**
   * `POST /api/events/:id/photos`: checks the bytes before anything is written, then, with the
   * event locked (a burst of uploads counts one at a time), keeps at most PHOTO_MAX.perEvent.
   * The same bytes again are the photo already kept, not a second one.
   */
  async upload(
    principal: Principal,
    eventId: number,
    dto: UploadPhotoDto,
  ): Promise<EventPhotoView> {
    const bytes = decodeStrictBase64(dto.data);
    if (!bytes) {
      throw invalid(
        'data',
        'data must be the image in standard base64 (A–Z, a–z, 0–9, +, /, padded with =), without spaces or line breaks',
      );
    }
    if (bytes.length > PHOTO_MAX.bytes) {
      throw new DomainError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `the photo is ${bytes.length} bytes; at most ${PHOTO_MAX.bytes} (2 MB) are kept: send it smaller`,
        { field: 'data', bytes: bytes.length, maxBytes: PHOTO_MAX.bytes },
      );
    }
    const actual = photoTypeOf(bytes);
    if (actual === null) {
      throw invalid('data', 'data is not a JPEG, PNG or WebP image');
    }
    if (actual !== dto.contentType) {
      throw invalid(
        'contentType',
        `contentType says ${dto.contentType} but the data is ${LABEL[actual]} image (${actual})`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    return this.db.write(async (em) => {
      const { event } = await this.events.toRun(em, principal, eventId, { lock: true });
      if (event.status === 'cancelled') {
        // Planned or closed: evidence often comes in after the close; a cancelled event has none.
        this.events.assertPlanned(event);
      }
      const same = await em.findOneBy(EventPhoto, { eventId, sha256 });
      if (same) {
        return this.view(same);
      }
      const count = await em.countBy(EventPhoto, { eventId });
      if (count >= PHOTO_MAX.perEvent) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `event ${eventId} already keeps ${count} photos, the most it may: delete one before adding another`,
          { reason: 'PHOTO_LIMIT_REACHED', limit: PHOTO_MAX.perEvent, count },
        );
      }
      const photo = em.create(EventPhoto, {
        communityId: event.communityId,
        eventId,
        contentType: actual,
        size: bytes.length,
        sha256,
        data: dto.data,
        uploadedBy: actorOf(principal),
        uploadedAt: this.clock.now().toISOString(),
      });
      photo.id = toSafeInteger((await em.insert(EventPhoto, photo)).identifiers[0].id);
      return this.view(photo);
    });
  }

  /** `GET /api/events/:id/photos`: in the order they were uploaded, without their bytes. */
  async list(principal: Principal, eventId: number): Promise<{ items: EventPhotoView[] }> {
    return this.db.read(async (em) => {
      await this.events.toRun(em, principal, eventId);
      const photos = await em.find(EventPhoto, { where: { eventId }, order: { id: 'ASC' } });
      return { items: photos.map((p) => this.view(p)) };
    });
  }

  /** `GET /api/events/:id/photos/:photoId`: the bytes as uploaded, with their type and hash. */
  async download(
    principal: Principal,
    eventId: number,
    photoId: number,
  ): Promise<{ contentType: string; sha256: string; bytes: Buffer }> {
    return this.db.read(async (em) => {
      await this.events.toRun(em, principal, eventId);
      const photo = await em
        .createQueryBuilder(EventPhoto, 'p')
        .addSelect('p.data')
        .where('p.id = :photoId AND p.event_id = :eventId', { photoId, eventId })
        .getOne();
      if (!photo) {
        throw DomainError.notFound('photo');
      }
      return {
        contentType: photo.contentType,
        sha256: photo.sha256,
        bytes: Buffer.from(photo.data, 'base64'),
      };
    });
  }

  /**
   * `DELETE /api/events/:id/photos/:photoId`: gone for good (a photo may have to go because
   * someone in it did not want to be shown). While the event is planned its runners may; after,
   * the photos are evidence of the records it closed into, and only an admin may.
   */
  async remove(principal: Principal, eventId: number, photoId: number): Promise<void> {
    await this.db.write(async (em) => {
      const { event } = await this.events.toRun(em, principal, eventId, { lock: true });
      const photo = await em.findOneBy(EventPhoto, { id: photoId, eventId });
      if (!photo) {
        throw DomainError.notFound('photo');
      }
      if (!mayDeleteEventPhoto(principal, event)) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `event ${eventId} is ${event.status}: its photos are kept as evidence; only an admin may delete one`,
          { reason: 'EVENT_PHOTO_KEPT', status: event.status },
        );
      }
      await em.delete(EventPhoto, { id: photoId, eventId });
    });
  }

  private view(photo: EventPhoto): EventPhotoView {
    return {
      id: photo.id,
      contentType: photo.contentType,
      size: photo.size,
      sha256: photo.sha256,
      uploadedBy: photo.uploadedBy,
      uploadedAt: photo.uploadedAt,
    };
  }
}
