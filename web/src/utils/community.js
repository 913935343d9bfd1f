// @ts-check
// The community a line's page works on: the account's own for community staff; for street-wide
// accounts a choice among the street's communities, the first chosen to start with.
import { ref } from 'vue';
import { get } from '../api/http.js';

export function useCommunityPicker(session) {
  const communities = ref([]);
  const community = ref(session.user.scope_kind === 'community' ? session.user.scope_place_id : null);
  async function loadCommunities() {
    if (community.value) return;
    communities.value = (await get('/communities', { limit: 100 })).items;
    community.value = communities.value.length ? communities.value[0].id : null;
  }
  return { communities, community, loadCommunities };
}
