// The metrics domain: definitions, figures per priority and window, before/after and ROI, CSV history.
export * from './definitions';
export * from './summary-stats';
export * from './ticket-figures';
export * from './sla-cycles';
export * from './compare';
export * from './history-csv';
export * from './history-facts';
