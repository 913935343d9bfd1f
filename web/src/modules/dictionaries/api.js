// @ts-check
import { post, patch } from '../../api/http.js';

export const addEntry = (dictionary, body) => post(`/dictionaries/${dictionary}/entries`, body);
export const updateEntry = (dictionary, code, body) => patch(`/dictionaries/${dictionary}/entries/${encodeURIComponent(code)}`, body);
