import { createI18n } from 'vue-i18n';
import zhCN from './locales/zh-CN.js';
import en from './locales/en.js';
import { setLanguage, setFieldLabeler } from './api/http.js';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('tongxin.lang') : null;
const locale = saved === 'en' ? 'en' : 'zh-CN';
setLanguage(locale);

export const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });

// "stops[1].time" and "stops.1.time" are labelled as "time"; a field without a label gets none.
setFieldLabeler((field) => {
  const key = `fields.${field.split(/[.[\]]/).filter((s) => s && !/^\d+$/.test(s)).pop()}`;
  return i18n.global.te(key) ? i18n.global.t(key) : '';
});

export function switchLanguage(lang) {
  i18n.global.locale.value = lang;
  setLanguage(lang);
  localStorage.setItem('tongxin.lang', lang);
  document.documentElement.lang = lang;
}
