// @ts-check
import { get, post } from '../../api/http.js';

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
