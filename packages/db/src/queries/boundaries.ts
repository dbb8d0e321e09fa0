import { and, eq, isNotNull, like } from 'drizzle-orm';
import type { Boundary } from '@firebreak/domain';
import type { Db } from '../database';
import { DbError } from '../errors';
import { jurisdictions } from '../schema/jurisdictions';

/** Every drawn boundary (the routing index is built from them once per reference load). */
export function listJurisdictionBoundaries(db: Db): Promise<{ id: string; boundary: Boundary }[]> {
  return db
    .select({ id: jurisdictions.id, boundary: jurisdictions.boundary })
    .from(jurisdictions)
    .where(isNotNull(jurisdictions.boundary)) as Promise<{ id: string; boundary: Boundary }[]>;
}

/** The drawn boundaries of a subtree (the root included), for a map. */
export async function listSubtreeBoundaries(
  db: Db,
  rootId: string,
): Promise<{ id: string; parentId: string | null; level: string; name: string; boundary: Boundary }[]> {
  const [root] = await db.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, rootId));
  if (!root) return [];
  const rows = await db
    .select({ id: jurisdictions.id, parentId: jurisdictions.parentId, level: jurisdictions.level, name: jurisdictions.name, boundary: jurisdictions.boundary, path: jurisdictions.path })
    .from(jurisdictions)
    .where(and(like(jurisdictions.path, `${root.path}%`), isNotNull(jurisdictions.boundary)))
    .orderBy(jurisdictions.path);
  return rows.map(({ path: _path, boundary, ...r }) => ({ ...r, boundary: boundary! }));
}

/** Draws (or with null, erases) one jurisdiction's boundary; the caller has checked it with the kernel's parseBoundary. */
export async function setJurisdictionBoundary(db: Db, id: string, boundary: Boundary | null): Promise<void> {
  const updated = await db.update(jurisdictions).set({ boundary, updatedAt: new Date() }).where(eq(jurisdictions.id, id)).returning({ id: jurisdictions.id });
  if (updated.length === 0) throw new DbError('DB.NOT_FOUND', 'Jurisdiction not found', '辖区不存在', { id });
}
