// @ts-check
import { get, post, put, del } from '../../api/http.js';

export const listSessions = () => get('/auth/sessions');
export const endSession = (id) => del(`/auth/sessions/${id}`);
export const endOtherSessions = () => post('/auth/sessions/end-others');
export const changePassword = (body) => post('/auth/password', body);
export const listUsers = (query) => get('/users', query);
export const createUser = (body) => post('/users', body);
export const listRoles = () => get('/roles');
export const listAudit = (query) => get('/audit', query);
export const listCommunities = () => get('/communities');
export const updateUser = (id, body) => put(`/users/${id}`, body);
export const disableUser = (id) => post(`/users/${id}/disable`);
export const enableUser = (id) => post(`/users/${id}/enable`);
export const resetPassword = (id, password) => post(`/users/${id}/reset-password`, { password });
export const unlockUser = (id) => post(`/users/${id}/unlock`);
/** @param {'grids' | 'buildings'} kind @param {number} community */
export const listPlaces = (kind, community) => get(`/${kind}`, { community });
export const listAllSessions = () => get('/sessions');
export const endAnySession = (id) => post(`/sessions/${id}/end`);
