// ACL command categories: the names Redis lists in ACL CAT (in Redis's order) and a bit per category, so a
// command's categories (its spec's "acl" list) are one integer mask. Counterpart: ACLCommandCategories (acl.c).

export const CATEGORY_NAMES: readonly string[] = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
];

const BIT_BY_NAME = new Map<string, number>(CATEGORY_NAMES.map((n, i) => [n, 1 << i]));

/** The bit of a category name (case-insensitive, without the '@'), or 0 when there is no such category. */
export function categoryBit(name: string): number {
  return BIT_BY_NAME.get(name.toLowerCase()) ?? 0;
}

/** The mask of a spec's category list (["@write", "@string", "@fast"]). */
export function categoryMask(acl: readonly string[]): number {
  let m = 0;
  for (const c of acl) m |= categoryBit(c.startsWith('@') ? c.slice(1) : c);
  return m;
}
