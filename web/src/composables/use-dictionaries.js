// @ts-check
// The dictionaries an administrator maintains (volunteer_kinds, service_point_kinds,
// resident_tags): `offered(name)` lists what a new record may take, `label(name, code)` names
// any code — retired ones too — in the current language.
import { onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSession } from '../stores/session.js';

export function useDictionaries() {
  const session = useSession();
  const { locale } = useI18n();
  // A failed load leaves labels as codes; the page's own requests report what is wrong.
  onMounted(() => session.loadDictionaries().catch(() => {}));
  /** @param {string} name */
  const entries = (name) => (session.dictionaries && session.dictionaries[name]) || [];
  /** @param {string} name */
  const offered = (name) => entries(name).filter((e) => e.active);
  /** @param {string} name @param {string} code */
  function label(name, code) {
    const e = entries(name).find((x) => x.code === code);
    if (!e) return code;
    return locale.value === 'en' && e.name_en ? e.name_en : e.name_zh;
  }
  return { entries, offered, label, reload: () => session.loadDictionaries(true) };
}
