import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yuan } from '../src/modules/charity/format.js';

test('fen are shown as yuan with thousands separators', () => {
  assert.equal(yuan(123456), '1,234.56');
  assert.equal(yuan(5), '0.05');
  assert.equal(yuan(0), '0.00');
  assert.equal(yuan(-100000000), '-1,000,000.00');
  assert.equal(yuan(43314300), '433,143.00');
});
