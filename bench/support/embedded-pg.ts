// A throwaway PostgreSQL for benchmarks that measure the scale-out driver (shared with the tests).
export { startEmbeddedPostgres } from '../../scripts/support/embedded-postgres';
