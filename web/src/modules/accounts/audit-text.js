// @ts-check
// The audit log in words: each action code ("cases.case.assigned") and object type by the
// locale's audit.actions / audit.objects, and an entry's details as "label: value" pairs with
// the labels of fields.* (a key without a label keeps its name). Codes a person might not know
// stay one hover away (the tooltip shows the code).
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import zhCN from '../../locales/zh-CN.js';

/** @param {Record<string, any>} tree @param {string} prefix @returns {string[]} */
function leaves(tree, prefix) {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** @param {import('vue').Ref<Array<{ key: string, name: string }>>} [roles] the roles list, for role keys in details */
export function useAuditText(roles) {
  const { t, te, locale } = useI18n();
  /** @param {string} code */
  const actionName = (code) => {
    if (te(`audit.actions.${code}`)) return t(`audit.actions.${code}`);
    const module = code.split('.')[0];
    return te(`nav.${module}`) ? t('common.labelled', { label: t(`nav.${module}`), value: code.split('.').slice(1).join(' ') }) : code;
  };
  /** @param {string} type */
  const objectName = (type) => (te(`audit.objects.${type}`) ? t(`audit.objects.${type}`) : type);
  /** @param {unknown} v @param {string} [key] @returns {string} */
  const valueText = (v, key = '') => {
    if (v === null || v === undefined) return '—';
    if (key === 'role' && roles) return roles.value.find((r) => r.key === v)?.name || String(v);
    if (typeof v === 'string' && te(`audit.values.${key}.${v}`)) return t(`audit.values.${key}.${v}`);
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (Array.isArray(v)) return v.map((x) => valueText(x, key)).join(t('common.listSeparator'));
    if (typeof v === 'object') return detailText(/** @type {Record<string, unknown>} */ (v));
    return String(v);
  };
  /** @param {Record<string, unknown> | null | undefined} details @returns {string} */
  function detailText(details) {
    if (!details) return '';
    return Object.entries(details)
      .map(([k, v]) => t('common.labelled', { label: te(`fields.${k}`) ? t(`fields.${k}`) : k, value: valueText(v, k) }))
      .join(t('common.listSeparator'));
  }
  // The filter's choices: each module's actions under the module's name.
  const actionGroups = computed(() => {
    void locale.value;
    // The codes are the same in every locale; their names come from the current one.
    const tree = /** @type {Record<string, any>} */ (zhCN.audit.actions);
    return Object.keys(tree).map((module) => ({
      prefix: `${module}.`,
      label: te(`nav.${module}`) ? t(`nav.${module}`) : t(`audit.groups.${module}`),
      actions: leaves(tree[module], `${module}.`),
    }));
  });
  return { actionName, objectName, detailText, actionGroups };
}
