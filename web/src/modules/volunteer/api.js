// @ts-check
import { get, post, put, request, download } from '../../api/http.js';

export const listActivities = (query) => get('/volunteer/activities', query);
export const getActivity = (id) => get(`/volunteer/activities/${id}`);
export const publishActivity = (body) => post('/volunteer/activities', body);
export const cancelActivity = (id, body) => post(`/volunteer/activities/${id}/cancel`, body);
export const listSignups = (id) => get(`/volunteer/activities/${id}/signups`);
export const signUp = (id, body = {}) => post(`/volunteer/activities/${id}/signups`, body);
export const cancelSignup = (id, body = {}) => post(`/volunteer/activities/${id}/signups/cancel`, body);
export const check = (id, body) => post(`/volunteer/activities/${id}/check`, body);
export const confirmHours = (id, body = {}) => post(`/volunteer/activities/${id}/hours`, body);
export const qrUrl = (id) => `/api/v1/volunteer/activities/${id}/qr.svg`;
export const listRecords = (query) => get('/volunteer/records', query);
export const addRecord = (body) => post('/volunteer/records', body);
export const correctRecord = (id, body) => post(`/volunteer/records/${id}/corrections`, body);
export const exportRecords = (query) => download('/volunteer/records/export', query, '志愿服务记录.xlsx');
export const importRecords = (community, file, commit) =>
  request('POST', '/volunteer/records/import', { query: { community, commit: commit ? 1 : undefined }, raw: file });
export const recordsTemplate = () => download('/volunteer/records/import/template', {}, '志愿服务时长导入模板.xlsx');
export const disputeRecord = (id, body) => post(`/volunteer/records/${id}/disputes`, body);
export const listDisputes = (query) => get('/volunteer/disputes', query);
export const resolveDispute = (id, body) => post(`/volunteer/disputes/${id}/resolve`, body);
export const getPoints = (query) => get('/volunteer/points', query);
export const listRewards = (query) => get('/rewards', query);
export const createReward = (body) => post('/rewards', body);
export const restockReward = (id, body) => post(`/rewards/${id}/stock`, body);
export const redeem = (id, body = {}) => post(`/rewards/${id}/redeem`, body);
export const getSettings = (community) => get('/volunteer/settings', { community });
export const saveSettings = (body) => put('/volunteer/settings', body);
export const listRegulars = (query) => get('/volunteer/regulars', query);
export const getMe = () => get('/volunteer/me');
export const listCertificates = (query) => get('/volunteer/certificates', query);
export const issueCertificate = (body) => post('/volunteer/certificates', body);
export const getCertificate = (id) => get(`/volunteer/certificates/${id}`);
export const listTeams = (query) => get('/organizations', { kind: 'volunteer_team', ...query });


export { toRfc3339, shortTime, hours } from './format.js';
