// @ts-check
import { defineStore } from 'pinia';
import { get, post } from '../api/http.js';

// Who is logged in, and what they may do.
export const useSession = defineStore('session', {
  state: () => ({ user: null, loaded: false, codes: null }),
  getters: {
    can: (state) => (perm) => !!state.user && state.user.permissions.includes(perm),
  },
  actions: {
    async load() {
      try {
        this.user = await get('/auth/me');
      } catch {
        this.user = null;
      }
      this.loaded = true;
      return this.user;
    },
    async login(username, password) {
      const r = await post('/auth/login', { username, password });
      this.user = r.user;
      this.loaded = true;
      this.codes = null;
      return r.user;
    },
    async logout() {
      try { await post('/auth/logout'); } finally { this.user = null; this.codes = null; }
    },
    // After the language changed: what the server translated (role name, code tables) again.
    async reloadLanguage() {
      this.codes = null;
      if (this.user) await this.load();
    },
    async loadCodes() {
      if (!this.codes) this.codes = await get('/codes');
      return this.codes;
    },
  },
});
