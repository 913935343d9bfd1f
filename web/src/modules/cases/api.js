// @ts-check
import { get, post } from '../../api/http.js';

export const listCases = (query) => get('/cases', query);
export const caseStats = (query) => get('/cases/stats', query);
export const getCase = (id) => get(`/cases/${id}`);
export const registerCase = (body) => post('/cases', body);
export const assignCase = (id, body) => post(`/cases/${id}/assign`, body);
export const listCaseStaff = (community) => get('/cases/staff', { community });
export const STAFF_ROLES = ['lawyer', 'social_worker', 'mediation_volunteer'];
export const addSession = (id, body) => post(`/cases/${id}/sessions`, body);
export const recordAgreement = (id, body) => post(`/cases/${id}/agreement`, body);
export const checkFulfilment = (id, body) => post(`/cases/${id}/fulfilment`, body);
export const closeCase = (id, body) => post(`/cases/${id}/close`, body);

export const CASE_KINDS = ['mediation', 'legal_aid', 'counselling', 'rights'];
export const CHANNELS = ['walk_in', 'phone', 'referral', 'online', 'visit'];
