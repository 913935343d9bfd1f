// @ts-check
// What a page shows, loaded when the page mounts: `data` once it is there, `error` (the server's
// message) when it could not be read. The print pages use it.
import { ref, onMounted } from 'vue';

/**
 * @template T
 * @param {() => Promise<T>} load
 */
export function useLoaded(load) {
  /** @type {import('vue').Ref<T | null>} */
  const data = /** @type {any} */ (ref(null));
  const error = ref('');
  onMounted(async () => {
    try {
      data.value = await load();
    } catch (e) {
      error.value = /** @type {Error} */ (e).message;
    }
  });
  return { data, error };
}
