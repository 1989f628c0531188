// The one start-up failure a user fixes by choosing another port; kept apart from the server so the
// CLI can recognise it without loading the whole server.
export class PortInUseError extends Error {
  constructor(readonly host: string, readonly port: number) {
    super(`Port ${port} on ${host} is already in use (is another ow serve running?). Choose another with --port or PORT.`);
    this.name = 'PortInUseError';
  }
}
