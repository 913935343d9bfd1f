import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toRfc3339, shortTime, hours } from '../src/modules/volunteer/format.js';

test('a picked local time becomes RFC 3339 in China Standard Time', () => {
  assert.equal(toRfc3339('2021-02-17 08:30'), '2021-02-17T08:30:00+08:00');
  assert.equal(toRfc3339('2021-02-17 08:30:15'), '2021-02-17T08:30:15+08:00');
  assert.equal(toRfc3339(''), '');
});

test('API times are shown as date and minutes', () => {
  assert.equal(shortTime('2021-02-17T08:30:00+08:00'), '2021-02-17 08:30');
  assert.equal(shortTime(null), '');
});

test('minutes are shown as hours, with one decimal only when needed', () => {
  assert.equal(hours(120), '2');
  assert.equal(hours(90), '1.5');
  assert.equal(hours(-180), '-3');
  assert.equal(hours(50), '0.8');
});
