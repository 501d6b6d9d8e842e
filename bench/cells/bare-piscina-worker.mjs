import { workerData } from 'node:worker_threads';

// The cpu task of poolscope's node-pool target (packages/runner/src/tasks/cpu-task.ts), written
// out again so that this script owes nothing to poolscope: the sum of the squares of
// 0..work-1 modulo 2^32, on int32s.
const work = workerData.work;

export default function task(_index) {
  let total = 0;
  for (let i = 0; i < work; i++) total = (total + Math.imul(i, i)) | 0;
  return total >>> 0;
}
