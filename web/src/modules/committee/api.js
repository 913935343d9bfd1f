// @ts-check
import { get, post, patch } from '../../api/http.js';

export const CHANNELS = ['home_visit', 'phone', 'wechat', 'event'];
export const PURPOSES = ['contact', 'education', 'care'];
export const NEED_KINDS = ['job', 'dispute', 'hardship', 'language', 'school', 'health', 'other'];
export const NEED_STATUSES = ['active', 'open', 'referred', 'solved', 'closed'];
export const HANDLERS = ['rights_case', 'fund_disbursement', 'jobs', 'mutual_aid', 'committee'];
// Handlers whose records a need may link to (the committee handles the rest itself).
export const LINKABLE = ['rights_case', 'fund_disbursement', 'jobs', 'mutual_aid'];
export const ACTIVITY_STATUSES = ['proposed', 'registered', 'declined', 'withdrawn'];

export const committeeHome = (query) => get('/committee/home', query);
export const listOfficers = (query) => get('/committee/officers', query);
export const listAssignments = (query) => get('/committee/assignments', query);
export const assignOfficer = (body) => post('/committee/assignments', body);
export const endAssignment = (id, body) => post(`/committee/assignments/${id}/end`, body);
export const committeeCoverage = (query) => get('/committee/coverage', query);
export const listContacts = (query) => get('/committee/contacts', query);
export const logContact = (body) => post('/committee/contacts', body);
export const listNeeds = (query) => get('/committee/needs', query);
export const raiseNeed = (body) => post('/committee/needs', body);
export const updateNeed = (id, body) => patch(`/committee/needs/${id}`, body);
export const listActivities = (query) => get('/selfhelp/activities', query);
export const getActivity = (id) => get(`/selfhelp/activities/${id}`);
export const proposeActivity = (body) => post('/selfhelp/activities', body);
export const decideActivity = (id, body) => post(`/selfhelp/activities/${id}/decision`, body);
export const addParticipants = (id, body) => post(`/selfhelp/activities/${id}/participants`, body);
export const searchResidents = (query) => get('/residents', query);
