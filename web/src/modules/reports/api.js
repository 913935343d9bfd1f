// @ts-check
import { get, request } from '../../api/http.js';

export const listKpis = (query) => get('/reports/kpis', query);
export const listKpiRecords = (id, query) => get(`/reports/kpis/${encodeURIComponent(id)}/records`, query);
export const kpiByCommunity = (id, query) => get(`/reports/kpis/${encodeURIComponent(id)}/by-community`, query);
export const ethnicityBreakdown = (query) => get('/reports/ethnicity', query);
export const reportYears = (query) => get('/reports/years', query);
export const listCommunities = () => get('/communities');
export const kpiHistory = (query) => get('/reports/kpis/history', query);
export const workReport = (query) => get('/reports/work-report', query);
export const editSentence = (key, text, query) => request('PUT', `/reports/work-report/sentences/${encodeURIComponent(key)}`, { body: { text }, query });
export const revertSentence = (key, query) => request('DELETE', `/reports/work-report/sentences/${encodeURIComponent(key)}`, { query });
export const getPlace = (kind, id) => get(`/${kind === 'street' ? 'streets' : 'communities'}/${id}`);
