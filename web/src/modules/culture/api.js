// @ts-check
import { get, post, put } from '../../api/http.js';

export const ROOM_KINDS = ['hall', 'museum', 'reading', 'craft', 'reception', 'rehearsal', 'meeting', 'other'];
export const BOOKER_KINDS = ['society', 'team', 'resident', 'partner', 'community'];
export const BOOKING_STATUSES = ['requested', 'approved', 'rejected', 'cancelled', 'used', 'no_show'];
export const CATEGORIES = ['costume', 'craft', 'instrument', 'document', 'photograph', 'other'];
export const PROVENANCES = ['donated', 'lent', 'purchased', 'made'];
export const EXHIBIT_STATUSES = ['on_display', 'in_store', 'on_loan', 'returned'];
export const CONDITIONS = ['good', 'fair', 'poor', 'damaged'];

export const listVenues = (query) => get('/venues', query);
export const addVenue = (body) => post('/venues', body);
export const listRooms = (query) => get('/rooms', query);
export const addRoom = (body) => post('/rooms', body);
export const updateRoom = (id, body) => put(`/rooms/${id}`, body);
export const roomBusy = (id, query) => get(`/rooms/${id}/busy`, query);
export const listBookings = (query) => get('/room-bookings', query);
export const getBooking = (id) => get(`/room-bookings/${id}`);
export const book = (body) => post('/room-bookings', body);
export const decideBooking = (id, body) => post(`/room-bookings/${id}/decision`, body);
export const listSeries = (query) => get('/series', query);
export const addSeries = (body) => post('/series', body);
export const listEvents = (query) => get('/culture-events', query);
export const addEvent = (body) => post('/culture-events', body);
export const listVisits = (query) => get('/museum-visits', query);
export const addVisit = (body) => post('/museum-visits', body);
export const listExhibits = (query) => get('/exhibits', query);
export const getExhibit = (id) => get(`/exhibits/${id}`);
export const getEvent = (id) => get(`/culture-events/${id}`);
export const addExhibit = (body) => post('/exhibits', body);
export const addCheck = (id, body) => post(`/exhibits/${id}/checks`, body);
export const lend = (id, body) => post(`/exhibits/${id}/loans`, body);
export const returnLoan = (id, loan) => post(`/exhibits/${id}/loans/${loan}/return`, {});
export const publicExhibits = (query) => get('/public/exhibits', query);
export const listOrganizations = (query) => get('/organizations', query);
