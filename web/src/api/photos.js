// @ts-check
// Photos of a record, under the record's own API path ("/exhibits/12").
import { get, request, del } from './http.js';

/** @param {string} base */
export const listPhotos = (base) => get(`${base}/photos`);
/** @param {string} base @param {Blob} file @param {string} [caption] */
export const uploadPhoto = (base, file, caption) =>
  request('POST', `${base}/photos`, { query: { caption: caption || undefined }, raw: file });
/** @param {string} base @param {number} id */
export const removePhoto = (base, id) => del(`${base}/photos/${id}`);
