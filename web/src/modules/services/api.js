// @ts-check
import { get, post, put } from '../../api/http.js';

export const listPoints = (query) => get('/service-points', query);
export const createPoint = (body) => post('/service-points', body);
export const updatePoint = (id, body) => put(`/service-points/${id}`, body);
export const coverage = (query) => get('/service-points/coverage', query);
export const listAid = (query) => get('/mutual-aid', query);
export const postAid = (body) => post('/mutual-aid', body);
export const matchAid = (id, body) => post(`/mutual-aid/${id}/match`, body);
export const completeAid = (id, body) => post(`/mutual-aid/${id}/complete`, body);
export const cancelAid = (id, body = {}) => post(`/mutual-aid/${id}/cancel`, body);

export const AGE_GROUPS = ['elderly', 'adult', 'youth', 'child'];
