import type { Logger } from './platform/logging';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { BlobStore } from './platform/blobs/blob-store';
import type { Clock } from './platform/clock';
import type { ServerCrypto } from './platform/crypto/aead-pool';
import type { JobRunner } from './platform/jobs/job-runner';
import type { LiveHub } from './platform/live/live-hub';
import type { PlatformKeys } from './platform/keys/platform-keys';

/** What use cases and routes are given: the platform's services, built once in app.ts. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  blobs: BlobStore;
  jobs: JobRunner;
  live: LiveHub;
  /** The platform's CA and service signing keys (call `get()` outside transactions). */
  platformKeys: PlatformKeys;
  /** Native and multi-threaded primitives for bulk cryptography (the opening's decryption). */
  crypto: ServerCrypto;
}
