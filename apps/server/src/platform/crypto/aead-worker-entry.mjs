// The worker thread's entry (aead-pool.ts): plain JavaScript so that it loads in any host — the server under tsx,
// and vitest, whose TypeScript transform does not reach worker threads — then TypeScript through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { default: runAeadTask } = await import('./aead-worker.ts');
export default runAeadTask;
