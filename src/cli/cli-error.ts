// A failure the CLI reports as one clear message with its exit code: 1 failed, 2 usage or invalid input.
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'CliError';
  }
}
