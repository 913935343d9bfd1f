// Pieces the volunteer page's tabs share: the error toast around a call, and the resident
// search behind every "who" picker.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { searchResidents } from '../residents/api.js';

// Runs `fn`; a failure is shown as a message box instead of breaking the page.
export async function guard(fn) {
  try { await fn(); } catch (e) { ElMessage.error(e.message); }
}

// A remote search for a resident's picker: `found` holds the matches of the last query.
export function useResidentSearch() {
  const found = ref([]);
  async function findResidents(q) { found.value = q ? (await searchResidents(q)).items : []; }
  return { found, findResidents };
}
