// @ts-check
// The place and year a report page shows: a community account sees its community; a street
// account the whole street or one of its communities. Shared by the dashboard and the work report.
import { ref, computed } from 'vue';
import { useSession } from '../../stores/session.js';
import { reportYears, listCommunities } from './api.js';

export function useReportScope() {
  const session = useSession();
  const isStreet = computed(() => session.user.scope_kind === 'street');
  const place = ref(0);
  const communities = ref([]);
  const years = ref([]);
  const year = ref(null);

  /** The scope as the report routes take it: community=… or street=…. */
  const scopeQuery = () => {
    if (!isStreet.value) return { community: session.user.scope_place_id };
    return place.value ? { community: place.value } : { street: session.user.scope_place_id };
  };
  const query = () => ({ ...scopeQuery(), year: year.value });

  /** Loads the communities and the years with records; picks `asked` if it is one, else the latest. */
  async function init(asked) {
    if (isStreet.value) communities.value = (await listCommunities()).items;
    const y = await reportYears(scopeQuery());
    years.value = y.years;
    year.value = years.value.includes(asked) ? asked : y.latest;
  }

  return { session, isStreet, place, communities, years, year, scopeQuery, query, init };
}
