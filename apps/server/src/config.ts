import { z } from 'zod';

/**
 * Configuration comes from the environment only (12-factor); it is validated once at start so that a wrong
 * setting stops the process with a clear message instead of failing later. Every variable is documented in README.md.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  /** Blob store directory (content-addressed); defaults to DATA_DIR/blobs. */
  BLOB_DIR: z.string().optional(),
  /** Staging directory of resumable (tus) uploads before they move into the blob store; defaults to DATA_DIR/uploads. */
  UPLOAD_DIR: z.string().optional(),
  /** Seed the demo city once (default: on with the embedded database, off with PostgreSQL). */
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Send the session cookie with the Secure flag (default: on in production). */
  COOKIE_SECURE: bool.optional(),
  /** Demo mode: the clock runs this many times faster than real time from the moment the server starts. */
  CLOCK_ACCELERATION: z.coerce.number().min(1).max(100000).default(1),
  /** scrypt cost as log2(N); 15 = 32 MiB per hash. Lower only in tests. */
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  /** A name for this instance in logs and job locks; defaults to host:pid. */
  INSTANCE_ID: z.string().optional(),
  /** Trust X-Forwarded-* from a reverse proxy (several instances behind one address). */
  TRUST_PROXY: bool.default(false),
  /**
   * The platform's public address (scheme, host, optional path prefix), e.g. https://ggzy.example.gov.cn: printed in
   * QR codes and links that leave the platform (the transaction certificate's verification URL). Unset: the origin of
   * the request that caused the document, else http://HOST:PORT.
   */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), { message: 'must start with http:// or https://' })
    .optional(),
  /** Where the built web app is; served at / when present. */
  WEB_DIST: z.string().default('../web/dist'),
  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Poll interval of the job runner in milliseconds. */
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  /** Worker threads for bulk decryption at the opening; 0 = one per available core. */
  CRYPTO_THREADS: z.coerce.number().int().min(0).max(256).default(0),
  /** Failed logins in a row before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Login attempts per client address per minute (per instance). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  /** Session lifetime: idle timeout and absolute maximum, in minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_MAX_MINUTES: z.coerce.number().int().min(1).default(720),
  /** The cryptographic suite of certificates, bids and signatures: 国密 (gm, default) or P-256/AES-GCM (intl). */
  CRYPTO_SUITE: z.enum(['gm', 'intl']).default('gm'),
  /**
   * Protects the platform's own private keys (CA, service signature) stored in the database. Several instances need
   * the same value. When unset, a random one is kept in DATA_DIR/platform-key.secret (one machine only).
   */
  PLATFORM_KEY_PASSWORD: z.string().min(16).optional(),
  /** The demo opening tender: its bid deadline (the hall opens) this many minutes after the first start. */
  DEMO_OPENING_IN_MINUTES: z.coerce.number().int().min(1).max(525600).default(60),
  /** The demo opening tender's decryption window (解密时限), minutes. */
  DEMO_OPENING_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * How long a drawn expert has to confirm or decline (ADR 0019); after it a job counts the silence as declining and
   * calls the next reserve.
   */
  EXPERT_CONFIRM_MINUTES: z.coerce.number().int().min(1).max(10080).default(240),
  /**
   * How long a bidder has to answer a question put during the evaluation (an arithmetic correction to confirm, an
   * abnormally low price to explain; 87号令 第五十九条、第六十条), hours; silence after it makes the bid invalid.
   */
  EVALUATION_QUERY_HOURS: z.coerce.number().int().min(1).max(720).default(24),
});

export type Env = z.input<typeof envSchema>;
export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means "the embedded database").
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? ({ kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dataDir: `${e.DATA_DIR}/pglite` } as const),
    dataDir: e.DATA_DIR,
    blobDir: e.BLOB_DIR ?? `${e.DATA_DIR}/blobs`,
    uploadDir: e.UPLOAD_DIR ?? `${e.DATA_DIR}/uploads`,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    clockAcceleration: e.CLOCK_ACCELERATION,
    scryptLogN: e.SCRYPT_LOG_N,
    instanceId: e.INSTANCE_ID ?? `${process.env.HOSTNAME ?? 'host'}:${process.pid}`,
    trustProxy: e.TRUST_PROXY,
    webDist: e.WEB_DIST,
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, '') : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    jobPollMs: e.JOB_POLL_MS,
    cryptoThreads: e.CRYPTO_THREADS,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
    },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxMinutes: e.SESSION_MAX_MINUTES },
    cryptoSuite: e.CRYPTO_SUITE,
    platformKeyPassword: e.PLATFORM_KEY_PASSWORD ?? null,
    demoOpening: { inMinutes: e.DEMO_OPENING_IN_MINUTES, windowMinutes: e.DEMO_OPENING_WINDOW_MINUTES },
    expertConfirmMinutes: e.EXPERT_CONFIRM_MINUTES,
    evaluationQueryHours: e.EVALUATION_QUERY_HOURS,
  };
}
