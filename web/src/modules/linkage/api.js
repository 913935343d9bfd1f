// @ts-check
import { get, post } from '../../api/http.js';

export const PARTNER_KINDS = ['chamber_of_commerce', 'enterprise', 'social_organization', 'school', 'hospital', 'government'];
export const PROJECT_STATUSES = ['planned', 'running', 'finished'];
export const CONTRIBUTION_KINDS = ['money', 'in_kind', 'volunteer_hours'];
export const LINK_KINDS = ['culture_event', 'room_booking', 'charity_project'];
// The figures an outcome may name, computed from the project's records.
export const MEASURES = ['events', 'audience', 'bookings', 'money_fen', 'in_kind_fen', 'volunteer_minutes', 'placements'];

export const listPartners = (query) => get('/linkage/partners', query);
export const getPartner = (id) => get(`/linkage/partners/${id}`);
export const addPartner = (body) => post('/linkage/partners', body);
export const addAgreement = (id, body) => post(`/linkage/partners/${id}/agreements`, body);
export const listProjects = (query) => get('/linkage/projects', query);
export const getProject = (id) => get(`/linkage/projects/${id}`);
export const addProject = (body) => post('/linkage/projects', body);
export const setProjectStatus = (id, body) => post(`/linkage/projects/${id}/status`, body);
export const linkRecord = (id, body) => post(`/linkage/projects/${id}/links`, body);
export const contribute = (id, body) => post(`/linkage/projects/${id}/contributions`, body);
export const addOutcome = (id, body) => post(`/linkage/projects/${id}/outcomes`, body);
