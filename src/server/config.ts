import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Accepts the usual spellings of a boolean environment variable. */
const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const v = value.toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `expected 0/1/true/false, got "${value}"` });
      return z.NEVER;
    });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CRM_DATA_DIR: z.string().default('./data'),
  CRM_DEMO: flag(true),
  CRM_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CRM_ADMIN_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CRM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(240),
  CRM_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  CRM_LIVE_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  CRM_COOKIE_SECURE: flag(false),
  CRM_TRUST_PROXY: flag(false),
  CRM_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  CRM_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  CRM_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  CRM_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: flag(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Autohaus CRM <crm@localhost>'),
  CRM_JOBS: flag(true),
  CRM_MAIL_IN: flag(true),
  CRM_MAIL_IN_MAX_MB: z.coerce.number().int().min(1).max(200).default(25),
  CRM_JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** The OCR and PDF rendering programs for scanned letters; a missing one leaves the letter unread, with a note. */
  CRM_TESSERACT: z.string().min(1).default('tesseract'),
  CRM_PDFTOPPM: z.string().min(1).default('pdftoppm'),
  CRM_OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  CRM_PUBLIC_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  demo: boolean;
  admin: { email?: string; password?: string };
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean; liveCheckSeconds: number };
  loginLimits: { perAccount: number; perIp: number; windowMinutes: number };
  trustProxy: boolean;
  webDist: string;
  log: { level: string; pretty: boolean };
  /** Without an SMTP URL mails stay in the outbox as 'held'. */
  mail: { smtpUrl?: string; from: string };
  /** Whether this process runs the background job worker, and how often it looks for due jobs. */
  jobs: { run: boolean; pollMs: number };
  /** Whether this process reads the enabled mailboxes, and the largest mail it reads whole (larger: kept raw). */
  mailIn?: { run: boolean; maxBytes: number };
  /** Base URL for links in mails, without a trailing slash. */
  publicUrl: string;
  /** Reading scanned letters: the programs and how long one page may take. */
  ocr: { tesseract: string; pdftoppm: string; timeoutMs: number };
};

export class ConfigError extends Error {}

/** The one place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(e.CRM_DATA_DIR) },
    demo: e.CRM_DEMO,
    admin: { email: e.CRM_ADMIN_EMAIL, password: e.CRM_ADMIN_PASSWORD },
    session: {
      idleMinutes: e.CRM_SESSION_IDLE_MINUTES,
      maxHours: e.CRM_SESSION_MAX_HOURS,
      liveCheckSeconds: e.CRM_LIVE_SESSION_CHECK_SECONDS,
      cookieSecure: e.CRM_COOKIE_SECURE,
    },
    loginLimits: {
      perAccount: e.CRM_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: e.CRM_LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: e.CRM_LOGIN_WINDOW_MINUTES,
    },
    trustProxy: e.CRM_TRUST_PROXY,
    // The build lives beside the sources, wherever the server is started from.
    webDist: e.CRM_WEB_DIST ? path.resolve(e.CRM_WEB_DIST) : fileURLToPath(new URL('../../dist/web', import.meta.url)),
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    jobs: { run: e.CRM_JOBS, pollMs: e.CRM_JOBS_POLL_MS },
    ocr: { tesseract: e.CRM_TESSERACT, pdftoppm: e.CRM_PDFTOPPM, timeoutMs: e.CRM_OCR_TIMEOUT_SECONDS * 1000 },
    mailIn: { run: e.CRM_MAIL_IN, maxBytes: e.CRM_MAIL_IN_MAX_MB * 1024 * 1024 },
    publicUrl: (e.CRM_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
}
