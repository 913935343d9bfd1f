// @ts-check
import { get, post, patch, request, download } from '../../api/http.js';

export const listOrganizationKinds = () => get('/organizations/kinds');
export const listOrganizations = (query) => get('/organizations', query);
export const getOrganization = (id) => get(`/organizations/${id}`);
export const createOrganization = (body) => post('/organizations', body);
export const updateOrganization = (id, body) => patch(`/organizations/${id}`, body);
export const addPost = (id, body) => post(`/organizations/${id}/members`, body);
export const importMembers = (id, file, commit) =>
  request('POST', `/organizations/${id}/members/import`, { query: { commit: commit ? 1 : undefined }, raw: file });
export const membersTemplate = () => download('/organizations/members/import/template', {}, '成员导入模板.xlsx');
export const endPost = (id, postId, body) => post(`/organizations/${id}/members/${postId}/end`, body);
export const findResidents = (q, community) => get('/residents', { q, community, limit: 20 });
export const listCommunities = () => get('/communities');
export const listMeetings = (id) => get(`/organizations/${id}/meetings`, { limit: 50 });
export const addMeeting = (id, body) => post(`/organizations/${id}/meetings`, body);
export const setResolutionStatus = (id, body) => patch(`/resolutions/${id}`, body);
export const listEvents = (organization) => get('/events', { organization, limit: 50 });
export const recordEvent = (body) => post('/events', body);
