// @ts-check
import { get } from '../../api/http.js';

export const listKpis = (query) => get('/reports/kpis', query);
export const listKpiRecords = (id, query) => get(`/reports/kpis/${encodeURIComponent(id)}/records`, query);
export const kpiByCommunity = (id, query) => get(`/reports/kpis/${encodeURIComponent(id)}/by-community`, query);
export const ethnicityBreakdown = (query) => get('/reports/ethnicity', query);
export const reportYears = (query) => get('/reports/years', query);
export const listCommunities = () => get('/communities');
