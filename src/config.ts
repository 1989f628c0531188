// Process configuration from flags and environment, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './core/shared/error-codes';

export const configSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://').optional(),
  adminToken: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Destructive actions (purge, cancel, rollback) can be switched off. */
  readOnly: z.boolean(),
  bodyLimitBytes: z.number().int().positive(),
  signInRateLimit: z.number().int().positive(),
});
export type Config = z.infer<typeof configSchema>;

export interface ConfigFlags {
  host?: string;
  port?: string | number;
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    port: flags.port ?? env.PORT ?? 4400,
    dataDir: resolve(flags.dataDir ?? env.OW_DATA_DIR ?? './.ow-data'),
    databaseUrl: flags.databaseUrl ?? (env.DATABASE_URL || undefined),
    adminToken: env.OW_ADMIN_TOKEN || undefined,
    logLevel: flags.logLevel ?? env.OW_LOG_LEVEL ?? 'info',
    readOnly: flag(env.OW_READ_ONLY),
    bodyLimitBytes: Number(env.OW_BODY_LIMIT ?? 1_048_576),
    signInRateLimit: Number(env.OW_SIGNIN_RATE_LIMIT ?? 10),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = { port: '--port / PORT', dataDir: '--data-dir / OW_DATA_DIR', databaseUrl: 'DATABASE_URL', logLevel: '--log-level / OW_LOG_LEVEL', bodyLimitBytes: 'OW_BODY_LIMIT', signInRateLimit: 'OW_SIGNIN_RATE_LIMIT' };
    const detail = parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; ');
    throw new AppError('OW_VALIDATION', `Invalid configuration: ${detail}`, parsed.error.issues.map((i) => ({ field: names[String(i.path[0])] ?? String(i.path[0]), message: i.message })));
  }
  return parsed.data;
}
