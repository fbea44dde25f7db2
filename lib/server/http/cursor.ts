import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Keyset position of the last record of a page: (started_at, id), the order of GET /api/v1/records. */
export interface TRecordCursor {
  startedAt: Date;
  id: string;
}

/** Opaque, URL-safe cursor (base64url of `<ISO started_at>|<id>`). */
export function encodeCursor(cursor: TRecordCursor): string {
  return Buffer.from(`${cursor.startedAt.toISOString()}|${cursor.id}`).toString('base64url');
}

/** Decodes a cursor from encodeCursor; anything else is a 400 (never reaches SQL unchecked). */
export function decodeCursor(text: string): TRecordCursor {
  const [iso, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(iso ?? '');
  if (!id || !z.uuid().safeParse(id).success || Number.isNaN(startedAt.getTime())) {
    throw new AppError('INVALID_INPUT', 'The cursor is invalid; use nextCursor from the previous page.');
  }
  return { startedAt, id };
}
