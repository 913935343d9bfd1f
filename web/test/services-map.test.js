import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapOption } from '../src/modules/services/map-option.js';

const labels = { covered: 'c', gap: 'g', point: 'p', other: 'o' };
const data = {
  buildings: [
    { id: 1, name: 'A1', lat: 30.50, lng: 104.06, covered: { medical: { metres: 300 } } },
    { id: 2, name: 'A2', lat: 30.51, lng: 104.07, covered: {} },
  ],
  points: [{ id: 9, name: '卫生站', kind: 'medical', lat: 30.502, lng: 104.061 }, { id: 8, name: '广场', kind: 'sports', lat: 30.49, lng: 104.05 }],
};

test('buildings are split into covered and not covered for the chosen kind', () => {
  const o = mapOption(data, 'medical', labels);
  const [covered, gaps, points, others] = o.series;
  assert.deepEqual(covered.data.map((d) => d.name), ['A1']);
  assert.deepEqual(gaps.data.map((d) => d.name), ['A2']);
  assert.deepEqual(points.data.map((d) => d.name), ['卫生站']);
  assert.deepEqual(others.data.map((d) => d.name), ['广场']);
  assert.deepEqual(covered.data[0].value, [104.06, 30.50]);
});

test('the axes frame every building and point', () => {
  const o = mapOption(data, 'sports', labels);
  assert.ok(o.xAxis.min <= 104.05 && o.xAxis.max >= 104.07);
  assert.ok(o.yAxis.min <= 30.49 && o.yAxis.max >= 30.51);
  assert.equal(o.series[0].data.length, 0);
});
