// @ts-check
// The one HTTP client: session cookie + CSRF header, Accept-Language, and error envelopes
// turned into ApiError with the server's (already translated) message.
import { readCookie, toQuery, errorText } from '../utils/format.js';

let language = 'zh-CN';
let onUnauthorized = null;
/** @type {(field: string) => string} */
let fieldLabel = () => '';

export function setLanguage(lang) { language = lang; }
/** How error messages name a field (i18n.js gives the locale's `fields` labels). @param {(field: string) => string} fn */
export function setFieldLabeler(fn) { fieldLabel = fn; }
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

/** @typedef {Record<string, string | number | boolean | null | undefined>} Query */
/** @typedef {{ query?: Query, body?: unknown, raw?: BodyInit, headers?: Record<string, string> }} SendOptions */
/**
 * A list answer.
 * @template T
 * @typedef {{ items: T[], total: number }} Page
 */

/** An error answer: `status`, the server's `code` and `details` (field → reason key). */
export class ApiError extends Error {
  /** @param {number} status @param {any} envelope */
  constructor(status, envelope) {
    super(errorText(envelope, { label: fieldLabel, en: language === 'en' }) || `HTTP ${status}`);
    this.status = status;
    this.code = envelope?.error?.code || 'http_error';
    this.details = envelope?.error?.details || {};
    this.envelope = envelope;
  }
}

/** @param {string} method @param {string} path @param {SendOptions} [options] */
async function send(method, path, { query, body, raw, headers = {} } = {}) {
  const h = { 'Accept-Language': language, ...headers };
  if (method !== 'GET') h['X-CSRF-Token'] = readCookie(document.cookie, 'tx_csrf');
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  const res = await fetch(`/api/v1${path}${toQuery(query)}`, { method, headers: h, body: payload, credentials: 'same-origin' });
  if (!res.ok) {
    let envelope;
    try { envelope = await res.json(); } catch { envelope = null; }
    // /auth/me answers 401 for visitors of public pages: the router's guard decides what to do.
    if (res.status === 401 && onUnauthorized && !path.startsWith('/auth/login') && path !== '/auth/me') onUnauthorized();
    throw new ApiError(res.status, envelope);
  }
  return res;
}

/** @param {string} method @param {string} path @param {SendOptions} [options] @returns {Promise<any>} */
export async function request(method, path, options) {
  const res = await send(method, path, options);
  const type = res.headers.get('content-type') || '';
  return type.includes('json') ? res.json() : res.blob();
}

/** @type {(path: string, query?: Query) => Promise<any>} */
export const get = (path, query) => request('GET', path, { query });
/** @type {(path: string, body?: unknown, query?: Query) => Promise<any>} */
export const post = (path, body, query) => request('POST', path, { body, query });
export const patch = (path, body) => request('PATCH', path, { body });
export const put = (path, body) => request('PUT', path, { body });
export const del = (path) => request('DELETE', path);

// Downloads a file answer (exports) under the name the server suggests; with a body, POSTs it.
/** @param {string} path @param {Query} query @param {string} fallbackName @param {unknown} [body] */
export async function download(path, query, fallbackName, body) {
  const res = await send(body === undefined ? 'GET' : 'POST', path, { query, body });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') || '';
  const m = disposition.match(/filename\*=UTF-8''([^;]+)/);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
