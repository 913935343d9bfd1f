import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valueText, unitText, changeText } from '../src/modules/reports/figures.js';

const t = (key, p = {}) => ({ 'reports.points': `${p.n} 个百分点`, 'reports.sinceLastYear': `较上年 ${p.change}`, 'reports.yuan': '元' })[key];

test('figures read as people, yuan and percentages', () => {
  const people = { id: 'party.minority_members', aggregate: 'count', unit: '人' };
  const money = { id: 'charity.raised_fen', aggregate: 'sum', unit: '分' };
  const share = { id: 'jobs.retained_6m', aggregate: 'share', unit: '比例' };
  assert.equal(valueText(people, 1477), '1,477');
  assert.equal(unitText(people), '人');
  assert.equal(valueText(money, 43314300), '433,143');
  assert.equal(unitText(money), '元');
  assert.equal(valueText(share, 8 / 9), '88.9%');
  assert.equal(unitText(share), '');
  assert.equal(valueText(people, null), '');
});

test('the change from the year before is signed, with its share; a share changes by points', () => {
  const people = { id: 'party.minority_members', aggregate: 'count', unit: '人' };
  assert.equal(changeText(t, people, { change: 3, change_share: 0.125 }), '较上年 +3 人（+12.5%）');
  assert.equal(changeText(t, people, { change: -2, change_share: -0.5 }), '较上年 -2 人（-50.0%）');
  assert.equal(changeText(t, people, { change: 5, change_share: null }), '较上年 +5 人');
  assert.equal(changeText(t, people, { change: 3, change_share: 0.125 }, true), '+3 人');
  const share = { id: 'jobs.retained_6m', aggregate: 'share', unit: '比例' };
  assert.equal(changeText(t, share, { change: 0.05, change_share: 0.1 }), '较上年 +5.0 个百分点');
});
