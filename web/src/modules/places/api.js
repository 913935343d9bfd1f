// @ts-check
import { get, post, patch } from '../../api/http.js';

const plural = { community: 'communities', grid: 'grids', building: 'buildings', street: 'streets', compound: 'compounds' };
const childKind = { street: 'community', community: 'grid', grid: 'building' };

export const listRoots = () => get('/places/roots');
export const listChildren = (id) => get(`/places/${id}/children`);
export const childKindOf = (kind) => childKind[kind];
export const createPlace = (kind, body) => post(`/${plural[kind]}`, body);
export const updatePlace = (kind, id, body) => patch(`/${plural[kind]}/${id}`, body);
export const listHouseholds = (building, offset = 0) => get('/households', { building, limit: 100, offset });
export const createHousehold = (body) => post('/households', body);
export const listCompounds = (community) => get('/compounds', { community });
export const listCompoundBuildings = (compound) => get('/buildings', { compound });
export const buildingGrid = (id) => get(`/buildings/${id}/grid`);
