// Which command a command line names, so `ow` loads only that command's code.

/** Global options that take a value: the word after them is not the command's name. */
const GLOBAL_VALUE_OPTIONS = new Set(['--server', '--token', '--data-dir', '--database-url']);

/** The command a command line names, if it names one before any other word. */
export function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (GLOBAL_VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return undefined;
}
