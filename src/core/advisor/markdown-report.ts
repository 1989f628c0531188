// One entry point for the advisor's Markdown reports, one renderer per analysis (see report/).
export { scheduleMarkdown } from './report/schedule-markdown';
export { processMarkdown } from './report/process-markdown';
export { riskMarkdown } from './report/risk-markdown';
export { smartMarkdown, okrMarkdown, scorecardMarkdown } from './report/kpi-markdown';
export { routeMarkdown } from './report/route-markdown';
export { markdownTable, bullets } from './report/markdown-table';
