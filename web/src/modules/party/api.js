// @ts-check
import { get, post, patch } from '../../api/http.js';

export const listPartyMembers = (query) => get('/party-members', query);
export const listPairings = (query) => get('/liaisons', query);
export const createPairing = (body) => post('/liaisons', body);
export const endPairing = (id, body) => post(`/liaisons/${id}/end`, body);
export const liaisonCoverage = (query) => get('/liaisons/coverage', query);
export const listVisits = (query) => get('/visits', query);
export const overdueVisits = (query) => get('/visits/overdue', query);
export const recordVisit = (body) => post('/visits', body);
export const setFollowUp = (id, body) => patch(`/visits/${id}`, body);
export const listStudySessions = (query) => get('/study-sessions', query);
export const recordStudySession = (body) => post('/study-sessions', body);
export const listHouseholdsInScope = (query) => get('/residents', query);
