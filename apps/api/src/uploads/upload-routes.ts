import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context, Services } from '@firebreak/api';
import { findAttachment, insertUpload, isDbError, loadLifecycle, type Db, type LifecycleEntity } from '@firebreak/db';
import type { DomainError } from '@firebreak/domain';
import { RateLimitedError, rateLimitedErrorBuilder, type RateLimit } from '../http/rate-limits';
import { ATTACHMENT_READ_CAPABILITY, mayViewAttachment } from './attachment-access';
import { BlobNotFoundError, BlobStoreError } from './blob-store';
import type { EvidenceStore } from './evidence-store';
import { DEFAULT_DISPLAY_LIMITS, makeDisplayCopy, type DisplayLimits } from './make-display-copy';
import { sniffImageType } from './sniff-image-type';
import { UPLOAD_ERRORS, type UploadError } from './upload-error';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadRoutesOptions {
  readonly db: Db | null;
  readonly services: Services | null;
  readonly store: EvidenceStore | null;
  /** The tRPC context for this exchange: resolves the session cookie. */
  readonly contextFor: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  readonly rateLimit: RateLimit;
  readonly rateLimitKey: (request: FastifyRequest) => string;
  readonly maxBytes?: number;
  readonly display?: DisplayLimits;
}

export interface UploadCreated {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendError(reply: FastifyReply, e: UploadError | (DomainError & { status?: number }), status = 'status' in e && e.status ? e.status : 400) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: { code: e.code, message: e.message, messageZh: e.messageZh } });
}

function statusForDomainCode(code: string): number {
  if (/UNAUTHENTICATED$/.test(code)) return 401;
  return 403;
}

/**
 * POST /uploads (anyone; a signed-in uploader is recorded) and GET /uploads/:id
 * (the uploader, or staff who may read what it is attached to).
 */
export async function uploadRoutes(app: FastifyInstance, opts: UploadRoutesOptions): Promise<void> {
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  const display = opts.display ?? DEFAULT_DISPLAY_LIMITS;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 1024 } });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BlobStoreError) {
      request.log.error({ err: error }, 'upload storage failed');
      return sendError(reply, UPLOAD_ERRORS.storageUnavailable);
    }
    if (error instanceof RateLimitedError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(reply, { code: error.code, message: error.message, messageZh: '上传过于频繁，请稍后再试' }, 429);
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.statusCode === 413) {
      return sendError(reply, UPLOAD_ERRORS.tooLarge);
    }
    if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      return sendError(reply, UPLOAD_ERRORS.noFile);
    }
    request.log.error({ err: error }, 'upload failed');
    return sendError(reply, { code: 'SERVER.INTERNAL', message: 'Internal server error', messageZh: '服务器内部错误' }, 500);
  });

  app.post(
    '/uploads',
    {
      config: {
        rateLimit: { max: opts.rateLimit.max, timeWindow: opts.rateLimit.windowMs, keyGenerator: opts.rateLimitKey, errorResponseBuilder: rateLimitedErrorBuilder },
      },
    },
    async (request, reply) => {
      const { db, services, store } = opts;
      if (!db || !services || !store) return sendError(reply, UPLOAD_ERRORS.unavailable);
      if (!request.isMultipart()) return sendError(reply, UPLOAD_ERRORS.noFile);
      const file = await request.file();
      if (!file) return sendError(reply, UPLOAD_ERRORS.noFile);
      const bytes = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
      if (bytes.length === 0) return sendError(reply, UPLOAD_ERRORS.noFile);

      const type = sniffImageType(bytes);
      if (!type) return sendError(reply, UPLOAD_ERRORS.unsupportedType);
      const copy = await makeDisplayCopy(bytes, display);
      if (!copy.ok) return sendError(reply, type === 'image/heic' && copy.error === UPLOAD_ERRORS.unreadable ? UPLOAD_ERRORS.heicUnsupported : copy.error);

      const ctx = await opts.contextFor(request, reply);
      const id = services.newId();
      const originalKey = await store.saveOriginal(id, bytes);
      let displayKey: string | null = null;
      try {
        displayKey = await store.saveDisplay(copy.value.bytes);
        await insertUpload(db, {
          id,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          mime: type,
          sizeBytes: bytes.length,
          width: copy.value.originalWidth,
          height: copy.value.originalHeight,
          sealedOriginalKey: originalKey,
          displayKey,
          uploadedByUserId: ctx.session?.actor.userId ?? null,
        });
      } catch (error) {
        // No row, no files: an orphaned sealed original would be evidence nobody can find.
        // (A store that is down now may keep one; its key is random and nothing points at it.)
        await store.remove(originalKey).catch(() => undefined);
        if (displayKey) await store.remove(displayKey).catch(() => undefined);
        throw error;
      }
      const created: UploadCreated = { id, width: copy.value.width, height: copy.value.height };
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.get<{ Params: { id: string } }>('/uploads/:id', async (request, reply) => {
    const { db, services, store } = opts;
    if (!db || !services || !store) return sendError(reply, UPLOAD_ERRORS.unavailable);
    const id = request.params.id;
    if (!UUID.test(id)) return sendError(reply, UPLOAD_ERRORS.notFound);
    const row = await findAttachment(db, id);
    if (!row || !row.displayKey) return sendError(reply, UPLOAD_ERRORS.notFound);

    const ctx = await opts.contextFor(request, reply);
    let attachedTo: { entity: string; jurisdictionId: string } | null = null;
    if (row.entity && row.entityId && ATTACHMENT_READ_CAPABILITY[row.entity]) {
      try {
        const subject = await loadLifecycle(db, row.entity as LifecycleEntity, row.entityId);
        attachedTo = { entity: row.entity, jurisdictionId: subject.jurisdictionId };
      } catch (error) {
        if (!isDbError(error) || error.code !== 'DB.NOT_FOUND') throw error;
      }
    }
    const { tree } = await services.reference.get(db);
    const verdict = mayViewAttachment(ctx.session?.actor ?? null, { uploadedByUserId: row.uploadedByUserId, attachedTo }, tree);
    if (!verdict.ok) return sendError(reply, verdict.error, statusForDomainCode(verdict.error.code));

    let bytes: Buffer;
    try {
      bytes = await store.readDisplay(row.displayKey);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return sendError(reply, UPLOAD_ERRORS.notFound);
      throw error;
    }
    return reply
      .header('content-type', 'image/jpeg')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${row.id}.jpg"`)
      // No attachment is public yet: the kernel keeps photos out of every public view.
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
}
