// @ts-check
// Runs `fn`; a failure is shown as a message box instead of breaking the page.
import { ElMessage } from 'element-plus';

export async function guard(fn) {
  try { await fn(); } catch (e) { ElMessage.error(e.message); }
}
