// @ts-check
import { get, post, put } from '../../api/http.js';

export const STEPS = ['registered', 'trained', 'practical_training', 'internship', 'placed', 'incubation', 'business_registered'];
// Steps recorded by hand; placed and business_registered come with their placement or business.
export const MANUAL_STEPS = ['trained', 'practical_training', 'internship', 'incubation'];
export const EDUCATIONS = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'];
export const SEEKER_STATUSES = ['active', 'placed', 'business', 'closed'];

export const listSeekers = (query) => get('/jobs/seekers', query);
export const getSeeker = (id) => get(`/jobs/seekers/${id}`);
export const registerSeeker = (body) => post('/jobs/seekers', body);
export const addStep = (id, body) => post(`/jobs/seekers/${id}/steps`, body);
export const jobsFunnel = (query) => get('/jobs/funnel', query);
export const listCertificates = (query) => get('/jobs/certificates', query);
export const addCertificate = (body) => post('/jobs/certificates', body);
export const verifyCertificate = (id) => post(`/jobs/certificates/${id}/verify`, {});
export const listEmployers = (query) => get('/jobs/employers', query);
export const addEmployer = (body) => post('/jobs/employers', body);
export const listPlacements = (query) => get('/jobs/placements', query);
export const place = (body) => post('/jobs/placements', body);
export const followUp = (id, body) => post(`/jobs/placements/${id}/followups`, body);
export const listBusinesses = (query) => get('/jobs/businesses', query);
export const addBusiness = (body) => post('/jobs/businesses', body);
export const closeBusiness = (id, body) => post(`/jobs/businesses/${id}/close`, body);
export const searchResidents = (query) => get('/residents', query);

export const TRAINING_KINDS = ['employment', 'practical', 'entrepreneurship'];
export const PAYERS = ['government', 'community', 'employer', 'partner', 'resident', 'free'];
export const listTrainings = (query) => get('/jobs/trainings', query);
export const getTraining = (id) => get(`/jobs/trainings/${id}`);
export const addTraining = (body) => post('/jobs/trainings', body);
export const addSession = (id, body) => post(`/jobs/trainings/${id}/sessions`, body);
export const enrol = (id, body) => post(`/jobs/trainings/${id}/enrolments`, body);
export const markAttendance = (session, seekerIds) => put(`/jobs/training-sessions/${session}/attendance`, { seeker_ids: seekerIds });
export const complete = (id, body) => post(`/jobs/trainings/${id}/completions`, body);
export const listPostings = (query) => get('/jobs/postings', query);
export const getPosting = (id) => get(`/jobs/postings/${id}`);
export const addPosting = (body) => post('/jobs/postings', body);
export const closePosting = (id) => post(`/jobs/postings/${id}/close`, {});
export const listCandidates = (id) => get(`/jobs/postings/${id}/candidates`);
export const propose = (id, seekerId) => post(`/jobs/postings/${id}/matches`, { seeker_id: seekerId });
export const referralSheet = (id) => post(`/jobs/postings/${id}/referrals`, {});
export const listMatches = (query) => get('/jobs/matches', query);
export const answerMatch = (id, body) => post(`/jobs/matches/${id}/consent`, body);
export const shareMatch = (id) => post(`/jobs/matches/${id}/share`, {});
export const listIncubations = (query) => get('/jobs/incubations', query);
export const getIncubation = (id) => get(`/jobs/incubations/${id}`);
export const addIncubation = (body) => post('/jobs/incubations', body);
export const addMentor = (id, body) => post(`/jobs/incubations/${id}/mentors`, body);
export const addMilestone = (id, body) => post(`/jobs/incubations/${id}/milestones`, body);
export const milestoneDone = (id, body) => post(`/jobs/incubation-milestones/${id}/done`, body);
export const endIncubation = (id, body) => post(`/jobs/incubations/${id}/end`, body);
