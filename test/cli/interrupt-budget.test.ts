/** The CLI and the server raise V8's interrupt budget at start-up, unless the command line sets it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { INTERRUPT_BUDGET, raiseInterruptBudget } from '../../server/src/node/interrupt-budget';

test('the interrupt budget is raised unless given on the command line', () => {
  const set: string[] = [];
  raiseInterruptBudget([], (f) => set.push(f));
  raiseInterruptBudget(['--interrupt-budget-for-feedback-allocation=100'], (f) => set.push(f));
  assert.deepEqual(set, [`--interrupt-budget=${INTERRUPT_BUDGET}`, `--interrupt-budget=${INTERRUPT_BUDGET}`]);
  raiseInterruptBudget(['--interrupt-budget=1000'], (f) => set.push(f));
  raiseInterruptBudget(['--interrupt_budget=1000'], (f) => set.push(f));
  assert.equal(set.length, 2);
});

test('node accepts the flag at run time', () => {
  const r = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--interrupt-budget=${INTERRUPT_BUDGET}'); console.log('ok')`], { encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'ok');
  assert.equal(r.stderr, '');
});
