import { workerData } from 'node:worker_threads';

// The cpu task of poolscope's node-pool target (packages/runner/src/tasks/cpu-task.ts), written
// out again so that this script owes nothing to poolscope: the sum of the squares of
// 0..work-1 modulo 2^32, on int32s. Same shape too (the loop in a function of its length):
// a loop bound read from the module scope ran about 25% slower (Node 20.20), which would
// flatter poolscope.
const work = workerData.work;

function sumOfSquaresInt32(n) {
  let total = 0;
  for (let i = 0; i < n; i++) total = (total + Math.imul(i, i)) | 0;
  return total;
}

export default function task(_index) {
  return sumOfSquaresInt32(work) >>> 0;
}
