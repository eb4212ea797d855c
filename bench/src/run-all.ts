import { cpus } from 'node:os';
import { apiReadBenchmark } from './api-read';

/** `npm run bench`: every benchmark in turn; each prints its figures beside a reference measured in the same run. */
console.log(`Zhengcai benchmarks — node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}\n`);
await apiReadBenchmark();
