// A worker thread starts without the main thread's module hooks: register tsx's loader here too, then
// load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
