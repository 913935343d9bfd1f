import { createI18n } from 'vue-i18n';
import zhCN from './locales/zh-CN.js';
import en from './locales/en.js';
import { setLanguage } from './api/http.js';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('tongxin.lang') : null;
const locale = saved === 'en' ? 'en' : 'zh-CN';
setLanguage(locale);

export const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });

export function switchLanguage(lang) {
  i18n.global.locale.value = lang;
  setLanguage(lang);
  localStorage.setItem('tongxin.lang', lang);
  document.documentElement.lang = lang;
}
