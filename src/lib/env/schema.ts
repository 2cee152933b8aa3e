/**
 * Every environment variable the hub reads: its type, default, accepted range and meaning. The README's
 * configuration table lists exactly these (a test compares the two). Empty means unset.
 */
type Common = {
  description: string
  /** Read only by the test suite, never by the hub itself. */
  testsOnly?: boolean
}

export type VariableSpec = Common &
  (
    | { default?: boolean; kind: 'boolean' }
    | { default?: number; kind: 'integer' | 'number'; max: number; min: number }
    | { default?: string; kind: 'choice'; values: readonly string[] }
    | { default?: string; kind: 'cron' }
    | { default?: string; kind: 'string' }
    | { default?: string; kind: 'url'; protocols: readonly string[] }
  )

const LIMIT = { kind: 'integer', max: 1_000_000, min: 1 } as const

export const ENV_SCHEMA = {
  PORT: { default: 3000, description: 'Port the server listens on', kind: 'integer', max: 65_535, min: 1 },
  HOST: { default: '127.0.0.1', description: 'Address the server listens on', kind: 'string' },
  NODE_ENV: {
    description: 'production under npm start, development under npm run dev',
    kind: 'choice',
    values: ['development', 'production', 'test'],
  },
  LOG_LEVEL: {
    description: 'pino level for request and Payload logs; info when unset',
    kind: 'choice',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  },
  PUBLIC_URL: { description: 'The public origin (links in emails, admin)', kind: 'url', protocols: ['http:', 'https:'] },
  TRUST_PROXY: { default: 0, description: 'Proxy hops to trust for X-Forwarded-*', kind: 'integer', max: 100, min: 0 },
  SHUTDOWN_TIMEOUT_MS: {
    default: 25_000,
    description: 'How long shutdown waits for in-flight work',
    kind: 'integer',
    max: 600_000,
    min: 0,
  },
  LIVENESS_WEDGE_MS: {
    default: 30_000,
    description: 'When /healthz reports a wedged database pool or writer',
    kind: 'integer',
    max: 3_600_000,
    min: 1000,
  },

  DATABASE_URL: {
    description: 'The database: file:…, postgres://… or mongodb://…',
    kind: 'url',
    protocols: ['file:', 'postgres:', 'postgresql:', 'mongodb:', 'mongodb+srv:'],
  },
  DATABASE_POOL_MAX: { default: 10, description: 'PostgreSQL pool size per process', kind: 'integer', max: 1000, min: 1 },
  DATABASE_POOL_TIMEOUT_MS: {
    default: 5000,
    description: 'Wait for a free PostgreSQL connection',
    kind: 'integer',
    max: 600_000,
    min: 100,
  },
  DATABASE_IDLE_IN_TRANSACTION_MS: {
    default: 60_000,
    description: 'PostgreSQL idle-in-transaction timeout (0: off)',
    kind: 'integer',
    max: 86_400_000,
    min: 0,
  },
  SQLITE_BUSY_TIMEOUT_MS: {
    default: 5000,
    description: 'How long a SQLite write waits for another',
    kind: 'integer',
    max: 600_000,
    min: 100,
  },
  DATA_DIR: { description: 'Local state (SQLite file, generated secret); ./data by default', kind: 'string' },
  MEDIA_DIR: { description: 'Uploaded files; ./media by default', kind: 'string' },
  PAYLOAD_SECRET: { description: 'Signs sessions; generated into DATA_DIR when unset', kind: 'string' },

  JOBS_AUTORUN: { default: true, description: 'Run background jobs in the web process', kind: 'boolean' },
  JOBS_CRON: { default: '*/10 * * * * *', description: 'How often the job runner looks for due jobs', kind: 'cron' },
  // Below 3 s the heartbeat (a third of the lease) would be a write every second or more often.
  JOBS_LEASE_SECONDS: { default: 90, description: 'Lease of a running job', kind: 'integer', max: 86_400, min: 3 },
  QUESTION_DEADLINES_CRON: { default: '0 * * * * *', description: 'How often the question deadline watcher runs', kind: 'cron' },
  LINK_CHECK_CRON: { default: '0 30 2 * * *', description: 'When the external link check runs', kind: 'cron' },
  LINK_CHECK_TIMEOUT_MS: {
    default: 10_000,
    description: 'How long the link check waits for one answer',
    kind: 'integer',
    max: 120_000,
    min: 100,
  },
  LINK_CHECK_HOSTS: { description: 'Only links to these hosts are checked (comma-separated); every host when unset', kind: 'string' },

  ADMIN_EMAIL: { default: 'admin@diabetes-hub.local', description: 'The first administrator', kind: 'string' },
  ADMIN_PASSWORD: { description: 'The first administrator’s password; generated when unset', kind: 'string' },
  SEED_DEV_USERS: { description: 'One account per role; true in development unless false', kind: 'boolean' },
  DEV_USERS_PASSWORD: { description: 'Password of the development accounts; generated when unset', kind: 'string' },

  SMTP_HOST: { description: 'SMTP server; mail goes to DATA_DIR/outbox when unset', kind: 'string' },
  SMTP_PORT: { default: 587, description: 'SMTP port', kind: 'integer', max: 65_535, min: 1 },
  SMTP_SECURE: { description: 'Implicit TLS; true by default on port 465', kind: 'boolean' },
  SMTP_USER: { description: 'SMTP login', kind: 'string' },
  SMTP_PASSWORD: { description: 'SMTP password', kind: 'string' },
  SMTP_FROM: { default: '"Diabetes Network Hub" <no-reply@diabetes-hub.local>', description: 'Sender address', kind: 'string' },
  SMTP_REJECT_UNAUTHORIZED: { default: true, description: 'Check the SMTP server’s certificate', kind: 'boolean' },

  MEILISEARCH_HOST: { description: 'Meilisearch server; the embedded engine when unset', kind: 'url', protocols: ['http:', 'https:'] },
  MEILISEARCH_API_KEY: { description: 'Meilisearch API key', kind: 'string' },
  MEILISEARCH_INDEX: { default: 'hub', description: 'Meilisearch index name', kind: 'string' },
  SEARCH_RECONCILE_MINUTES: {
    default: 15,
    description: 'How often each process reconciles its search index',
    kind: 'integer',
    max: 1440,
    min: 1,
  },

  SEARCH_RATE_LIMIT_MAX: { ...LIMIT, default: 120, description: 'Searches per address per minute' },
  QUESTION_RATE_LIMIT_MAX: { ...LIMIT, default: 20, description: 'Questions accepted from one address in 10 minutes' },
  QUESTION_EMAIL_RATE_LIMIT_MAX: { ...LIMIT, default: 5, description: 'Questions accepted from one asker email in 10 minutes' },
  NEWSLETTER_SIGNUP_RATE_LIMIT_MAX: { ...LIMIT, default: 10, description: 'Newsletter sign-ups accepted from one address in 10 minutes' },
  FEEDBACK_RATE_LIMIT_MAX: { ...LIMIT, default: 20, description: 'Page feedback answers accepted from one address in 10 minutes' },
  REFUSED_SUBMISSION_RATE_LIMIT_MAX: { ...LIMIT, default: 30, description: 'Refused form submissions from one address in 10 minutes' },

  NEWSLETTER_RATE_PER_SECOND: {
    default: 10,
    description: 'Newsletter messages per second per sender',
    kind: 'number',
    max: 10_000,
    min: 0.01,
  },
  NEWSLETTER_SMTP_CONNECTIONS: { default: 2, description: 'Parallel SMTP connections of one sender', kind: 'integer', max: 100, min: 1 },
  NEWSLETTER_MAX_ATTEMPTS: { default: 6, description: 'Tries per recipient', kind: 'integer', max: 100, min: 1 },
  NEWSLETTER_RETRY_BASE_SECONDS: {
    default: 60,
    description: 'First wait after a temporary failure',
    kind: 'number',
    max: 86_400,
    min: 0.1,
  },
  NEWSLETTER_CLAIM_LEASE_SECONDS: {
    default: 300,
    description: 'When copies claimed by a dead sender are taken back',
    kind: 'integer',
    max: 86_400,
    min: 1,
  },
  NEWSLETTER_CRON: { default: '*/2 * * * * *', description: 'How often the newsletter queue is checked', kind: 'cron' },
  NEWSLETTER_UNSUBSCRIBE_EMAIL: { description: 'The mailto: in List-Unsubscribe; the SMTP_FROM address when unset', kind: 'string' },

  POSTGRES_BIN: { description: 'PostgreSQL binaries for the test suite', kind: 'string', testsOnly: true },
  CHROMIUM_PATH: { description: 'Chromium for the browser tests', kind: 'string', testsOnly: true },
  MONGODB_URL: { description: 'MongoDB server for the test suite', kind: 'url', protocols: ['mongodb:', 'mongodb+srv:'], testsOnly: true },
} as const satisfies Record<string, VariableSpec>

export type EnvName = keyof typeof ENV_SCHEMA

type ValueOf<S> = S extends { kind: 'boolean' } ? boolean : S extends { kind: 'integer' | 'number' } ? number : string

/** The parsed environment: variables with a default always have a value. */
export type Env = {
  [K in EnvName]: (typeof ENV_SCHEMA)[K] extends { default: unknown }
    ? ValueOf<(typeof ENV_SCHEMA)[K]>
    : ValueOf<(typeof ENV_SCHEMA)[K]> | undefined
}
