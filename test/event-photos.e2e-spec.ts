import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Client } from 'pg';
import { PHOTO_MAX } from '../src/common/limits';
import { Event } from '../src/events/entities';
import { backupSqlite } from '../src/maintenance/backup';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/* A real PNG, built from its bytes: signature, IHDR, IDAT (deflated RGB rows), IEND. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A width×height PNG of one colour; with `totalBytes`, padded to exactly that size by a private
 * ancillary chunk (`paDd`), which decoders skip, so it stays a valid image.
 */
function png(rgb: [number, number, number], opts: { side?: number; totalBytes?: number } = {}) {
  const side = opts.side ?? 1;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(side * 3, Buffer.from(rgb))]);
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: side }, () => row)))),
  ];
  const end = chunk('IEND', Buffer.alloc(0));
  if (opts.totalBytes !== undefined) {
    const used = parts.reduce((n, p) => n + p.length, 0) + end.length + 12;
    parts.push(chunk('paDd', Buffer.alloc(opts.totalBytes - used, 0x2a)));
  }
  return Buffer.concat([...parts, end]);
}

/** The start of a JFIF file (SOI, APP0) and its end (EOI): a JPEG by its signature. */
const JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300' + '01'.repeat(64) + 'ffd9',
  'hex',
);
/** A 1×1 lossless WebP. */
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('event photos (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let leaderAuth: string;
  let otherLeaderAuth: string;
  let clerkAuth: string;
  let volunteerAuth: string;
  let teamId: number;
  let leaderId: number;
  let colour = 0;

  /** A PNG no other test uploaded. */
  const freshPng = () => {
    colour++;
    return png([colour % 256, Math.floor(colour / 256) % 256, 7]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    const volunteer = await f.newMember();
    const leader = await f.newUser('leader');
    leaderId = leader.id;
    const team = await f.newTeam({ leaderUserIds: [leader.id], memberIds: [volunteer.id] });
    teamId = team.id;
    leaderAuth = await f.bearer({ userId: leader.id });
    const other = await f.newLeaderWithTeam();
    otherLeaderAuth = other.auth;
    clerkAuth = await f.bearer({ userId: (await f.newUser('clerk')).id });
    volunteerAuth = await f.memberAuth(volunteer.id);
  });
  afterAll(() => t.close());

  /** A planned event of the leader's team, today 09:00–11:00; returns its id. */
  async function newEvent(): Promise<number> {
    const res = await t.http
      .post('/api/events')
      .set('Authorization', leaderAuth)
      .send({
        title: '雷锋号便民大集',
        place: '社区广场',
        date: '2026-06-15',
        startsAt: '09:00',
        endsAt: '11:00',
        teamIds: [teamId],
        itemCodes: ['free_clinic'],
      });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const upload = (eventId: number, body: object, auth = leaderAuth) =>
    t.http.post(`/api/events/${eventId}/photos`).set('Authorization', auth).send(body);
  const uploadBytes = (eventId: number, bytes: Buffer, contentType = 'image/png', auth?: string) =>
    upload(eventId, { contentType, data: bytes.toString('base64') }, auth);
  const photoRows = (eventId: number) =>
    t.db.read((em) => em.query(`SELECT id, sha256 FROM event_photos WHERE event_id = ${eventId}`));
  const setStatus = (eventId: number, status: 'closed' | 'cancelled') =>
    // The close and cancel endpoints are their own parts; here only the status matters.
    t.db.write((em) => em.update(Event, { id: eventId }, { status }));

  describe('POST /api/events/:id/photos', () => {
    it('should keep a PNG and give it back byte for byte with its type, inline, nosniff and its sha256 as ETag', async () => {
      const eventId = await newEvent();
      const image = png([200, 30, 30], { side: 4 });
      const res = await uploadBytes(eventId, image);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        contentType: 'image/png',
        size: image.length,
        sha256: sha256(image),
        uploadedBy: `user:${leaderId}`,
        uploadedAt: '2026-06-15T02:00:00.000Z',
      });

      const list = await t.http
        .get(`/api/events/${eventId}/photos`)
        .set('Authorization', t.adminAuth);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [res.body] });

      const got = await t.http
        .get(`/api/events/${eventId}/photos/${res.body.id}`)
        .set('Authorization', leaderAuth)
        .buffer(true)
        .parse((r, done) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => done(null, Buffer.concat(parts)));
        });
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, image)).toBe(0);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toBe('inline');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers.etag).toBe(`"${sha256(image)}"`);
      expect(got.headers['cache-control']).toBe('no-store');
    });

    it('should take a JPEG and a WebP by their first bytes, and the same bytes again as the photo already kept', async () => {
      const eventId = await newEvent();
      const jpeg = await uploadBytes(eventId, JPEG, 'image/jpeg');
      const webp = await uploadBytes(eventId, WEBP, 'image/webp');
      expect([jpeg.status, jpeg.body.contentType, jpeg.body.size]).toEqual([
        201,
        'image/jpeg',
        JPEG.length,
      ]);
      expect([webp.status, webp.body.contentType]).toEqual([201, 'image/webp']);
      const again = await uploadBytes(eventId, JPEG, 'image/jpeg', t.adminAuth);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(jpeg.body);
      expect(await photoRows(eventId)).toHaveLength(2);
    });

    it('should refuse content that is not what it says, or not strict base64, naming the field and keeping nothing', async () => {
      const eventId = await newEvent();
      const image = freshPng().toString('base64');
      const jpeg = JPEG.toString('base64');
      expect(jpeg.endsWith('==')).toBe(true);
      const cases: [object, string, string][] = [
        [{ contentType: 'image/png', data: JPEG.toString('base64') }, 'contentType', 'JPEG'],
        [{ contentType: 'image/jpeg', data: image }, 'contentType', 'PNG'],
        [{ contentType: 'image/webp', data: image }, 'contentType', 'PNG'],
        [{ contentType: 'image/png', data: GIF.toString('base64') }, 'data', 'not a JPEG'],
        [
          { contentType: 'image/png', data: Buffer.from('<svg/>').toString('base64') },
          'data',
          'not a JPEG',
        ],
        [
          { contentType: 'image/gif', data: GIF.toString('base64') },
          'contentType',
          'must be one of',
        ],
        [{ contentType: 'image/svg+xml', data: image }, 'contentType', 'must be one of'],
        [{ data: image }, 'contentType', 'must be one of'],
        [{ contentType: 'image/png' }, 'data', 'must be a string'],
        [{ contentType: 'image/png', data: '' }, 'data', 'standard base64'],
        [
          { contentType: 'image/png', data: `${image.slice(0, 40)}\n${image.slice(40)}` },
          'data',
          'standard base64',
        ],
        [{ contentType: 'image/png', data: ` ${image}` }, 'data', 'standard base64'],
        // JPEG's 91 bytes end in "==": without it, or with one "=" too few
        [{ contentType: 'image/jpeg', data: jpeg.replace(/=+$/, '') }, 'data', 'standard base64'],
        [{ contentType: 'image/jpeg', data: jpeg.slice(0, -1) }, 'data', 'standard base64'],
        [{ contentType: 'image/png', data: `${image}==` }, 'data', 'standard base64'],
        [
          { contentType: 'image/png', data: `${image.slice(0, 8)}-_${image.slice(10)}` },
          'data',
          'standard base64',
        ],
        [{ contentType: 'image/png', data: 'iVBORw0KGgp=' }, 'data', 'standard base64'],
        [{ contentType: 'image/png', data: 42 }, 'data', 'must be a string'],
      ];
      for (const [body, field, says] of cases) {
        const res = await upload(eventId, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.body.details.fields).toEqual([
          { field, problems: [expect.stringContaining(says)] },
        ]);
      }
      expect(await photoRows(eventId)).toEqual([]);
    });

    it('should keep a photo of exactly 2 MB and refuse one a byte over, and a bigger body, as 413 PAYLOAD_TOO_LARGE', async () => {
      const eventId = await newEvent();
      const max = png([1, 2, 3], { totalBytes: PHOTO_MAX.bytes });
      expect(max.length).toBe(2 * 1024 * 1024);
      const kept = await uploadBytes(eventId, max);
      expect([kept.status, kept.body.size]).toEqual([201, 2 * 1024 * 1024]);

      // Within the route's body limit, over the photo's: the service refuses it.
      const over = await uploadBytes(eventId, png([1, 2, 4], { totalBytes: PHOTO_MAX.bytes + 1 }));
      expect(over.status).toBe(413);
      expect(over.body).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'the photo is 2097153 bytes; at most 2097152 (2 MB) are kept: send it smaller',
        details: { field: 'data', bytes: 2097153, maxBytes: 2097152 },
      });
      // Over the route's body limit: Fastify stops reading, coded the same way.
      const huge = await uploadBytes(eventId, png([1, 2, 5], { totalBytes: 3 * 1024 * 1024 }));
      expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(await photoRows(eventId)).toEqual([{ id: kept.body.id, sha256: kept.body.sha256 }]);
    });

    it('should keep the 1 MB body limit on every other route', async () => {
      const description = 'x'.repeat(1_500_000);
      const events = await t.http
        .post('/api/events')
        .set('Authorization', t.adminAuth)
        .send({ title: '大集', place: '广场', date: '2026-06-15', description });
      expect([events.status, events.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const login = await t.http
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'y'.repeat(1_500_000) });
      expect(login.body).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'request body is too large',
      });
    });

    it('should keep at most 9 photos of an event, the tenth 409 CONFLICT PHOTO_LIMIT_REACHED', async () => {
      const eventId = await newEvent();
      for (let i = 0; i < 9; i++) {
        expect((await uploadBytes(eventId, freshPng())).status).toBe(201);
      }
      const tenth = await uploadBytes(eventId, freshPng(), 'image/png', t.adminAuth);
      expect(tenth.status).toBe(409);
      expect(tenth.body).toEqual({
        statusCode: 409,
        code: 'CONFLICT',
        message: `event ${eventId} already keeps 9 photos, the most it may: delete one before adding another`,
        details: { reason: 'PHOTO_LIMIT_REACHED', limit: 9, count: 9 },
      });
      expect(await photoRows(eventId)).toHaveLength(9);
      // Deleting one makes room for one.
      const [first] = await photoRows(eventId);
      const removed = await t.http
        .delete(`/api/events/${eventId}/photos/${first.id}`)
        .set('Authorization', leaderAuth);
      expect(removed.status).toBe(204);
      expect((await uploadBytes(eventId, freshPng())).status).toBe(201);
      expect((await uploadBytes(eventId, freshPng())).status).toBe(409);
    });

    it('should keep exactly 9 of a burst of 14 concurrent uploads to one event', async () => {
      const eventId = await newEvent();
      const images = Array.from({ length: 14 }, () => freshPng());
      const answers = await Promise.all(
        images.map((image, i) =>
          uploadBytes(eventId, image, 'image/png', i % 2 ? t.adminAuth : leaderAuth),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([...Array(9).fill(201), ...Array(5).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(refused.body.details).toEqual({ reason: 'PHOTO_LIMIT_REACHED', limit: 9, count: 9 });
      }
      const rows = await photoRows(eventId);
      expect(rows.map((r: { sha256: string }) => r.sha256).sort()).toEqual(
        answers
          .filter((a) => a.status === 201)
          .map((a) => a.body.sha256)
          .sort(),
      );
    });

    it('should take photos of a closed event (evidence comes after) and refuse a cancelled one', async () => {
      const closed = await newEvent();
      await setStatus(closed, 'closed');
      expect((await uploadBytes(closed, freshPng())).status).toBe(201);
      const cancelled = await newEvent();
      await setStatus(cancelled, 'cancelled');
      const res = await uploadBytes(cancelled, freshPng());
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'cancelled' });
      expect(await photoRows(cancelled)).toEqual([]);
    });
  });

  describe('who sees them', () => {
    it('should answer 404 to a leader of none of its teams and 403 to clerks and volunteers, on every photo endpoint', async () => {
      const eventId = await newEvent();
      const photo = (await uploadBytes(eventId, freshPng())).body;
      const requests = (auth: string) => [
        uploadBytes(eventId, freshPng(), 'image/png', auth),
        t.http.get(`/api/events/${eventId}/photos`).set('Authorization', auth),
        t.http.get(`/api/events/${eventId}/photos/${photo.id}`).set('Authorization', auth),
        t.http.delete(`/api/events/${eventId}/photos/${photo.id}`).set('Authorization', auth),
      ];
      for (const [auth, status, code] of [
        [otherLeaderAuth, 404, 'NOT_FOUND'],
        [clerkAuth, 403, 'FORBIDDEN'],
        [volunteerAuth, 403, 'FORBIDDEN'],
      ] as const) {
        for (const res of await Promise.all(requests(auth))) {
          expect([res.status, res.body.code]).toEqual([status, code]);
        }
      }
      const anonymous = await t.http.get(`/api/events/${eventId}/photos/${photo.id}`);
      expect(anonymous.status).toBe(401);
      expect(await photoRows(eventId)).toEqual([{ id: photo.id, sha256: photo.sha256 }]);
    });

    it('should not find a photo under another event, nor an unknown one', async () => {
      const eventId = await newEvent();
      const other = await newEvent();
      const photo = (await uploadBytes(eventId, freshPng())).body;
      for (const path of [
        `/api/events/${other}/photos/${photo.id}`,
        `/api/events/${eventId}/photos/99999999`,
        `/api/events/${eventId}/photos/abc`,
        `/api/events/99999999/photos/${photo.id}`,
      ]) {
        const got = await t.http.get(path).set('Authorization', t.adminAuth);
        const gone = await t.http.delete(path).set('Authorization', t.adminAuth);
        expect([got.status, got.body.code, gone.status]).toEqual([404, 'NOT_FOUND', 404]);
      }
      expect(await photoRows(eventId)).toHaveLength(1);
    });
  });

  describe('DELETE /api/events/:id/photos/:photoId', () => {
    it('should delete for good while the event is planned', async () => {
      const eventId = await newEvent();
      const photo = (await uploadBytes(eventId, freshPng())).body;
      const res = await t.http
        .delete(`/api/events/${eventId}/photos/${photo.id}`)
        .set('Authorization', leaderAuth);
      expect(res.status).toBe(204);
      const got = await t.http
        .get(`/api/events/${eventId}/photos/${photo.id}`)
        .set('Authorization', leaderAuth);
      expect(got.status).toBe(404);
      expect(await photoRows(eventId)).toEqual([]);
    });

    it('should keep the photos of a closed event from its leaders: 403 FORBIDDEN EVENT_PHOTO_KEPT, an admin may', async () => {
      const eventId = await newEvent();
      const photo = (await uploadBytes(eventId, freshPng())).body;
      await setStatus(eventId, 'closed');
      const path = `/api/events/${eventId}/photos/${photo.id}`;
      const refused = await t.http.delete(path).set('Authorization', leaderAuth);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: `event ${eventId} is closed: its photos are kept as evidence; only an admin may delete one`,
        details: { reason: 'EVENT_PHOTO_KEPT', status: 'closed' },
      });
      expect(await photoRows(eventId)).toHaveLength(1);
      expect((await t.http.get(path).set('Authorization', leaderAuth)).status).toBe(200);
      const admin = await t.http.delete(path).set('Authorization', t.adminAuth);
      expect(admin.status).toBe(204);
      expect(await photoRows(eventId)).toEqual([]);
    });
  });

  describe('backups', () => {
    it('should hold the photo in a backup of the database, byte for byte', async () => {
      const eventId = await newEvent();
      const image = freshPng();
      const photo = (await uploadBytes(eventId, image)).body;
      const dir = mkdtempSync(join(tmpdir(), 'passbook-photo-backup-'));
      try {
        const row =
          t.store.database.type === 'sqlite'
            ? await fromSqliteBackup(t.store.database.path, join(dir, 'copy.sqlite'), photo.id)
            : await fromPgDump(t.store.database.url, join(dir, 'dump'), photo.id);
        expect(row).toEqual({
          event_id: eventId,
          content_type: 'image/png',
          size: image.length,
          sha256: sha256(image),
          data: image.toString('base64'),
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});

const PHOTO_COLUMNS = 'event_id, content_type, size, sha256, data';

/** `npm run db:backup` (backupSqlite), then the photo's row read from the copy itself. */
async function fromSqliteBackup(source: string, target: string, photoId: number) {
  await backupSqlite(source, target);
  const SqliteDriver = (await import('better-sqlite3')).default;
  const copy = new SqliteDriver(target, { readonly: true });
  try {
    return copy
      .prepare(`SELECT ${PHOTO_COLUMNS} FROM event_photos WHERE id = ?`)
      .get(photoId) as Record<string, unknown>;
  } finally {
    copy.close();
  }
}

/** `pg_dump -Fc` of the whole database, restored by `pg_restore` into a new one, the row read there. */
async function fromPgDump(url: string, file: string, photoId: number) {
  const run = (cmd: string, args: string[]) => {
    const done = spawnSync(cmd, args, { encoding: 'utf8' });
    if (done.status !== 0) {
      throw new Error(`${cmd} failed: ${done.stderr}`);
    }
  };
  run('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${url}`]);
  const restored = new URL(url);
  const name = `${restored.pathname.slice(1)}_restored_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    restored.pathname = `/${name}`;
    run('pg_restore', ['--no-owner', `--dbname=${restored.toString()}`, file]);
    const copy = new Client({ connectionString: restored.toString() });
    await copy.connect();
    try {
      const { rows } = await copy.query(`SELECT ${PHOTO_COLUMNS} FROM event_photos WHERE id = $1`, [
        photoId,
      ]);
      return rows[0] as Record<string, unknown>;
    } finally {
      await copy.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
