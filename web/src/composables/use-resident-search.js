// @ts-check
// A remote search for a resident picker: `found` holds the matches of the last query.
import { ref } from 'vue';
import { searchResidents } from '../modules/residents/api.js';

export function useResidentSearch() {
  const found = ref([]);
  async function findResidents(q) { found.value = q ? (await searchResidents(q)).items : []; }
  return { found, findResidents };
}
