// @ts-check
// The state of one paged list: its items and total, the page and page size, and loading.
// `fetchPage({ limit, offset })` asks the server for one page ({ items, total, ... }: what else
// the answer holds, such as a sum over all matches, is kept in `extra`); the caller
// closes over its filters. `load()` fetches the current page, `reload()` goes back to the first
// (after a filter changed). A failed fetch keeps what was shown and says why. `all()` reads every
// match, page by page, for an export of the filtered list.
import { reactive } from 'vue';
import { ElMessage } from 'element-plus';

/**
 * @template T
 * @param {(span: { limit: number, offset: number }) => Promise<{ items: T[], total: number, [key: string]: any }>} fetchPage
 * @param {{ pageSize?: number }} [options]
 */
export function useList(fetchPage, { pageSize = 20 } = {}) {
  const list = reactive({
    /** @type {T[]} */ items: [],
    total: 0,
    /** @type {Record<string, any>} */ extra: {},
    page: 1,
    pageSize,
    loading: false,
    loaded: false,
    async load() {
      list.loading = true;
      try {
        const r = await fetchPage({ limit: list.pageSize, offset: (list.page - 1) * list.pageSize });
        const { items, total, ...extra } = r;
        list.items = /** @type {any} */ (items);
        list.total = total;
        list.extra = extra;
      } catch (e) {
        ElMessage.error(/** @type {Error} */ (e).message);
      } finally {
        list.loading = false;
        list.loaded = true;
      }
    },
    reload() {
      list.page = 1;
      return list.load();
    },
    /**
     * Every item the filters match, 500 a page, up to `max`.
     * @param {number} [max]
     * @returns {Promise<T[]>}
     */
    async all(max = 50000) {
      /** @type {T[]} */
      const out = [];
      for (;;) {
        const r = await fetchPage({ limit: 500, offset: out.length });
        out.push(...r.items);
        if (!r.items.length || out.length >= r.total || out.length >= max) return out.slice(0, max);
      }
    },
    /** @param {number} page */
    goTo(page) {
      list.page = page;
      return list.load();
    },
    /** @param {number} size */
    resize(size) {
      list.pageSize = size;
      return list.reload();
    },
  });
  return list;
}
