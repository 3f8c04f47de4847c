/**
 * Shared command-line handling: parse flags (node:util parseArgs) together with
 * the configuration flags, print usage on --help or a usage error (exit 2), and
 * run the command's body with its stores open.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AdminLevel } from '../../ingest/model.ts';
import { CONFIG_HELP, CONFIG_OPTIONS, ConfigError, flagOverrides, loadConfig, type Config } from '../config.ts';
import { openServices, type Services } from './services.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  name: string;
  /** "ARGS [--flag]" shown after "cancu NAME". */
  usage: string;
  /** Lines explaining the command and its own flags. */
  help: string;
  options: O;
  /** Number of positional arguments required (at least). */
  minPositionals?: number;
}

export interface ParsedCommand<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O & typeof CONFIG_OPTIONS; allowPositionals: true }>>['values'];
  positionals: string[];
  config: Config;
}

export class UsageError extends Error {
  /** Whether the command's usage text helps (a malformed command line, not e.g. an unknown document). */
  constructor(message: string, readonly showUsage = false) {
    super(message);
  }
}

/** Parse `args`, then run `body`; usage and configuration errors print the usage and return 2, other errors a message and 1. */
export async function runCommand<O extends Options>(
  spec: CommandSpec<O>,
  args: string[],
  body: (parsed: ParsedCommand<O>) => Promise<number>,
): Promise<number> {
  const usage = `usage: cancu ${spec.name} ${spec.usage}\n\n${spec.help}\n\nconfiguration flags (override the environment): ${CONFIG_HELP}`;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...spec.options, ...CONFIG_OPTIONS, help: { type: 'boolean', short: 'h' } } as O & typeof CONFIG_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      return 0;
    }
    if (positionals.length < (spec.minPositionals ?? 0)) throw new UsageError('missing argument', true);
    return await body({ values, positionals, config: loadConfig(process.env, flagOverrides(values as Record<string, string>)) });
  } catch (err) {
    const message = (err as Error).message;
    const parseError = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
    if (err instanceof UsageError || err instanceof ConfigError || parseError) {
      const withUsage = parseError || (err instanceof UsageError && err.showUsage);
      console.error(`cancu ${spec.name}: ${message}${withUsage ? `\n\n${usage}` : ''}`);
      return 2;
    }
    console.error(`cancu ${spec.name}: ${message}`);
    if (process.env.CANCU_DEBUG) console.error(err);
    return 1;
  }
}

/** Run `fn` with the configured stores open, closing them afterwards. */
export async function withServices<T>(config: Config, fn: (services: Services) => Promise<T>): Promise<T> {
  const services = await openServices(config);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** An integer flag value, or a UsageError naming the flag. */
export function intFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be an integer (got "${value}")`);
  return n;
}

export const LEVELS: readonly AdminLevel[] = ['trung ương', 'tỉnh', 'huyện', 'xã'];

/** An administrative level flag value, or a UsageError listing the levels. */
export function levelFlag(value: string | undefined): AdminLevel | undefined {
  if (value === undefined || (LEVELS as readonly string[]).includes(value)) return value as AdminLevel | undefined;
  throw new UsageError(`--level must be one of: ${LEVELS.join(', ')}`);
}
