/**
 * Relay-style connections over offset pages. A cursor is the opaque
 * base64url form of an item's position; `after` resumes just past it.
 */
import { badInput } from './errors.ts';

export const MAX_PAGE_SIZE = 200;

const PREFIX = 'cancu:';

export function encodeCursor(index: number): string {
  return Buffer.from(`${PREFIX}${index}`).toString('base64url');
}

/** Offset and limit for `first`/`after`, or BAD_USER_INPUT. */
export function pageWindow(first: number, after: string | null | undefined): { offset: number; limit: number } {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`);
  if (after == null) return { offset: 0, limit: first };
  const decoded = Buffer.from(after, 'base64url').toString();
  const index = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(index) || index < 0 || encodeCursor(index) !== after) throw badInput(`invalid cursor "${after}"`);
  return { offset: index + 1, limit: first };
}

/** A connection of `items` (already the page) starting at `offset` of `totalCount`; `toEdge` gives each edge's fields. */
export function connection<T, E extends object = { node: T }>(
  items: readonly T[],
  offset: number,
  totalCount: number,
  toEdge: (item: T) => E = (node) => ({ node }) as unknown as E,
) {
  const edges = items.map((item, i) => ({ cursor: encodeCursor(offset + i), ...toEdge(item) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: offset + items.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
