/**
 * Every item of a paged list, page by page. Tests that look for one row in a list must not assume
 * it is on the first page: a file's earlier tests may have made more rows than a page holds, and
 * rows made at the test world's one fixed instant are ordered by their random ids.
 */
export async function everyItem<T>(list: (page: { limit: number; offset: number }) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await list({ limit: 100, offset });
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}
