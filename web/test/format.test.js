import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toQuery, ageOn, errorText, readCookie, formatNumber } from '../src/utils/format.js';

test('toQuery drops empty values and encodes the rest', () => {
  assert.equal(toQuery({ q: '张三', limit: 20, tag: '', minority: true, x: null, y: false }), '?q=%E5%BC%A0%E4%B8%89&limit=20&minority=1');
  assert.equal(toQuery({}), '');
});

test('ageOn counts whole years and handles the day before a birthday', () => {
  assert.equal(ageOn('1990-06-15', '2021-06-14'), 30);
  assert.equal(ageOn('1990-06-15', '2021-06-15'), 31);
  assert.equal(ageOn(null, '2021-01-01'), '');
});

test('errorText lists field reasons with their labels', () => {
  const env = { error: { code: 'validation_failed', message: '填写的内容有误', details: { fields: { id_number: { code: 'invalid_id_number', message: '身份证号码无效' } } } } };
  const label = (k) => ({ id_number: '身份证号' })[k] || '';
  assert.equal(errorText(env, { label }), '填写的内容有误（身份证号：身份证号码无效）');
  assert.equal(errorText(env, { label: () => 'ID number', en: true }), '填写的内容有误 (ID number: 身份证号码无效)');
  // A field without a label shows its reason, never its key.
  const raw = { error: { message: 'm', details: { fields: { household_id: { code: 'required', message: '必填' } } } } };
  assert.equal(errorText(raw), 'm（必填）');
  assert.equal(errorText({ error: { message: '请先登录', details: {} } }), '请先登录');
  assert.equal(errorText(null), '');
});

test('readCookie finds a cookie among several', () => {
  assert.equal(readCookie('a=1; tx_csrf=abc%3D; b=2', 'tx_csrf'), 'abc=');
  assert.equal(readCookie('', 'tx_csrf'), '');
});

test('formatNumber uses thousands separators', () => {
  assert.equal(formatNumber(1234567), '1,234,567');
  assert.equal(formatNumber('n/a'), 'n/a');
});
