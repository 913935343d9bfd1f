// @ts-check
import { get, post } from '../../api/http.js';

export const listNotices = (query) => get('/notices', query);
export const createNotice = (body) => post('/notices', body);
export const withdrawNotice = (id) => post(`/notices/${id}/withdraw`, {});
