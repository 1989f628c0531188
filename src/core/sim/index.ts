// The support-workload simulator: seeded PRNG, event queue, workload schema, the two runs.
export * from './prng';
export * from './event-queue';
export * from './workload';
export * from './simulate';
export * from './run-both';
