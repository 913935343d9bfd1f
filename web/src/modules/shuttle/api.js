// @ts-check
import { get, post, del } from '../../api/http.js';

export const listTrips = (query) => get('/shuttle/trips', query);
export const listServices = (query) => get('/shuttle/services', query);
export const createService = (body) => post('/shuttle/services', body);
export const createTrip = (body) => post('/shuttle/trips', body);
export const reservations = (id) => get(`/shuttle/trips/${id}/reservations`);
export const reserve = (id, body) => post(`/shuttle/trips/${id}/reservations`, body);
export const cancelReservation = (id, body = {}) => post(`/shuttle/trips/${id}/reservations/cancel`, body);
export const board = (id, reservationId) => post(`/shuttle/trips/${id}/boarding`, { reservation_id: reservationId });
export const boardByPass = (id, pass) => post(`/shuttle/trips/${id}/boarding`, { pass });
export const boardingPass = (id, residentId) => get(`/shuttle/trips/${id}/pass`, residentId ? { resident_id: residentId } : {});
export const closeTrip = (id) => post(`/shuttle/trips/${id}/close`, {});
export const figures = (id) => get(`/shuttle/trips/${id}/figures`);
export const notice = (id) => get(`/shuttle/trips/${id}/notice`);
export const publishNotice = (id) => post(`/shuttle/trips/${id}/notice/publish`, {});
export const tripVolunteers = (id) => get(`/shuttle/trips/${id}/volunteers`);
export const assignVolunteer = (id, body) => post(`/shuttle/trips/${id}/volunteers`, body);
export const removeVolunteer = (id, vid) => del(`/shuttle/trips/${id}/volunteers/${vid}`);
