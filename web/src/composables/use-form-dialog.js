// @ts-check
// The state of a dialog around a form: whether it is open, the form's values, the server's
// reasons per field. `show(values)` fills the form and opens it; `submit(fn)` runs the save,
// closes on success and shows the field reasons (and the summary) on failure.
import { ref, reactive } from 'vue';
import { useFieldErrors } from '../utils/field-errors.js';

export function useFormDialog() {
  const open = ref(false);
  const form = reactive({});
  const { errs, show: showErrors, clear } = useFieldErrors();
  function show(values) {
    clear();
    Object.keys(form).forEach((k) => delete form[k]);
    Object.assign(form, values);
    open.value = true;
  }
  async function submit(fn) {
    try {
      await fn(form);
      open.value = false;
      return true;
    } catch (e) {
      showErrors(e);
      return false;
    }
  }
  return { open, form, errs, show, submit };
}
