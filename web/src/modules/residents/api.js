// @ts-check
import { get, post, patch, request, download } from '../../api/http.js';

export const listResidents = (query) => get('/residents', query);
export const getMine = () => get('/residents/me');
export const getResident = (id) => get(`/residents/${id}`);
// The people a picker offers for a typed name, pinyin, initials or number (first 20 in scope).
export const searchResidents = (q) => get('/residents', { q, limit: 20 });
export const createResident = (body) => post('/residents', body);
export const updateResident = (id, body) => patch(`/residents/${id}`, body);
export const moveOutResident = (id, body) => post(`/residents/${id}/move-out`, body);
export const revealContact = (id) => get(`/residents/${id}/contact`);
export const exportResidents = (query) => download('/residents/export', query, 'residents.xlsx');
export const importResidents = (community, file, commit) =>
  request('POST', '/residents/import', { query: { community, commit: commit ? 1 : undefined }, raw: file });
export const residentTemplate = () => download('/residents/import/template', {}, '居民信息导入模板.xlsx');
export const listCommunities = () => get('/communities');
export const listBuildings = (community) => get('/buildings', { community });
export const listHouseholds = (building) => get('/households', { building, limit: 500 });
