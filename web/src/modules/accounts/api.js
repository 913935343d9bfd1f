// @ts-check
import { get, post, del } from '../../api/http.js';

export const listSessions = () => get('/auth/sessions');
export const endSession = (id) => del(`/auth/sessions/${id}`);
export const endOtherSessions = () => post('/auth/sessions/end-others');
export const changePassword = (body) => post('/auth/password', body);
export const listUsers = (query) => get('/users', query);
export const createUser = (body) => post('/users', body);
export const listRoles = () => get('/roles');
export const listAudit = (query) => get('/audit', query);
export const listCommunities = () => get('/communities');
