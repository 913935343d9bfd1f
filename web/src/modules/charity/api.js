// @ts-check
import { get, post, request, download } from '../../api/http.js';

export const listProjects = (query) => get('/charity/projects', query);
export const createProject = (body) => post('/charity/projects', body);
export const listDonations = (query) => get('/charity/donations', query);
export const recordDonation = (body) => post('/charity/donations', body);
export const listDisbursements = (query) => get('/charity/disbursements', query);
export const requestDisbursement = (body) => post('/charity/disbursements', body);
export const approve = (id) => post(`/charity/disbursements/${id}/approve`, {});
export const reject = (id, reason) => post(`/charity/disbursements/${id}/reject`, { reason });
export const pay = (id, body = {}) => post(`/charity/disbursements/${id}/pay`, body);
export const reverse = (transactionId, reason) => post(`/charity/transactions/${transactionId}/reverse`, { reason });
export const ledger = (query) => get('/charity/ledger', query);
export const books = () => get('/charity/books');
export const reminders = (query) => get('/charity/reminders', query);
export const publishDisclosure = (projectId, note) => post(`/charity/projects/${projectId}/disclosures`, { note });
export const importDonations = (community, file, commit) =>
  request('POST', '/charity/donations/import', { query: { community, commit: commit ? 1 : undefined }, raw: file });
export const donationsTemplate = () => download('/charity/donations/import/template', {}, '捐赠导入模板.xlsx');
export const exportLedger = (community) => download('/charity/ledger/export', { community }, '公益慈善基金账簿.xlsx');
export const disclosure = (query) => get('/charity/disclosure', query);
export const exportDisclosure = (query) => download('/charity/disclosure/export', query, '公益慈善基金公示.xlsx');

export const CHANNELS = ['crowdfunding_online', 'crowdfunding_offline', 'public_collection', 'corporate', 'charity_sale', 'gala'];
export { yuan } from './format.js';
