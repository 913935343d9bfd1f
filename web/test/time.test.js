import { test } from 'node:test';
import assert from 'node:assert/strict';
import { today, localDateTime } from '../src/utils/time.js';

test("today is the community's date (UTC+8), not the UTC one", () => {
  // 2021-02-16T23:30Z is already 17 February 07:30 in Chengdu.
  assert.equal(today(Date.UTC(2021, 1, 16, 23, 30)), '2021-02-17');
  assert.equal(today(Date.UTC(2021, 1, 17, 15, 59)), '2021-02-17');
  assert.equal(today(Date.UTC(2021, 1, 17, 16, 0)), '2021-02-18');
  assert.equal(localDateTime(Date.UTC(2021, 1, 17, 0, 30)), '2021-02-17T08:30:00+08:00');
});
