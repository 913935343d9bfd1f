// @ts-check
// Field errors of a form from an ApiError: `errs[field]` holds the server's translated reason,
// and the summary goes to a message box.
import { reactive } from 'vue';
import { ElMessage } from 'element-plus';

export function useFieldErrors() {
  const errs = reactive({});
  function clear() {
    Object.keys(errs).forEach((k) => delete errs[k]);
  }
  function show(e) {
    clear();
    for (const [k, v] of Object.entries(e.details?.fields || {})) errs[k] = v.message;
    ElMessage.error(e.message);
  }
  return { errs, clear, show };
}
