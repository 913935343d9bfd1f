// @ts-check
// The community a line's page works on: the account's own for community staff; for street-wide
// accounts a choice among the street's communities — the first one, or with `streetWide` the
// whole street to start with (null: lists cover every community and name each row's).
import { ref } from 'vue';
import { get } from '../api/http.js';

export function useCommunityPicker(session, { streetWide = false } = {}) {
  const communities = ref([]);
  const community = ref(session.user.scope_kind === 'community' ? session.user.scope_place_id : null);
  const isStreet = session.user.scope_kind === 'street';
  async function loadCommunities() {
    if (community.value) return;
    communities.value = (await get('/communities', { limit: 100 })).items;
    if (!streetWide || !isStreet) community.value = communities.value.length ? communities.value[0].id : null;
  }
  /** @param {number} id */
  const communityName = (id) => communities.value.find((c) => c.id === id)?.name || '';
  return { communities, community, loadCommunities, communityName, isStreet };
}
