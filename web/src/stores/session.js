// @ts-check
import { defineStore } from 'pinia';
import { get, post } from '../api/http.js';
import { today } from '../utils/time.js';

// Who is logged in, and what they may do.
export const useSession = defineStore('session', {
  state: () => ({ user: null, loaded: false, codes: null, reference: null, dictionaries: null }),
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
      this.reference = null;
      this.dictionaries = null;
      return r.user;
    },
    async logout() {
      try { await post('/auth/logout'); } finally { this.user = null; this.codes = null; this.reference = null; }
    },
    // After the language changed: what the server translated (role name, code tables) again.
    async reloadLanguage() {
      this.codes = null;
      if (this.user) await this.load();
    },
    // The date and year pages open on: the latest year with records and its last day (today
    // when that year is this one) — one rule for the dashboard, coverage, regular volunteers and
    // the rights centre's figures. Without the reports permission, today.
    async loadReference() {
      if (this.reference) return this.reference;
      const now = today();
      let year = Number(now.slice(0, 4));
      if (this.user && this.user.permissions.includes('reports.read')) {
        try { year = (await get('/reports/years')).latest; } catch { /* today it is */ }
      }
      this.reference = { year, asOf: String(year) === now.slice(0, 4) ? now : `${year}-12-31` };
      return this.reference;
    },
    // The dictionaries an administrator maintains (kinds, tags), by name; reloaded after a change.
    async loadDictionaries(force = false) {
      if (!this.dictionaries || force) {
        const r = await get('/dictionaries');
        this.dictionaries = Object.fromEntries(r.items.map((d) => [d.name, d.entries]));
      }
      return this.dictionaries;
    },
    async loadCodes() {
      if (!this.codes) this.codes = await get('/codes');
      return this.codes;
    },
  },
});
