// The operations toolkit's public surface (issue 8), for the CLI, the HTTP API and the portal:
// routing, process, schedule, risk and KPI analyses, and their Markdown and CSV reports.
export { routeProblem, linkPatterns, routeInputSchema, type RouteInput, type RouteResult, type SkillScore, type CueMatch, type QuestionStatus, type ProblemTypeMatch } from './router';
export { SKILLS, SKILL_NAMES, PROBLEM_TYPES, type SkillId, type ProblemType } from './router-lexicon';
export { type Plan, type PlanStep, type PlanPatternId } from './plan-patterns';

export { analyzeValueStream, type ValueStreamAnalysis, type StepAnalysis, type Bottleneck } from './process/value-stream';
export { valueStreamSchema, processStepSchema, type ValueStreamInput, type ValueStream, type ProcessStep } from './process/process-steps';
export { LEAN_WASTES, type LeanWaste, type LeanWasteCategory, type UnassessedWaste } from './process/lean-wastes';
export { buildDmaicReport, dmaicOptionsSchema, type DmaicReport, type DmaicOptions, type DmaicTarget, type DmaicAction, type DmaicPhase } from './process/dmaic';

export { parseWorkBreakdown, workBreakdownSchema, taskSchema, type Task, type TaskInput, type Dependency } from './schedule/work-breakdown';
export { parseDependencyRef, formatDependencyRef, type DependencyRef } from './schedule/dependency-ref';
export { computeCriticalPath, type NetworkSchedule, type NetworkTask } from './schedule/critical-path';
export { levelResources, type LevelledSchedule, type LevelledTask, type PersonLoad } from './schedule/resource-leveling';
export { planSchedule, toScheduleJson, scheduleOptionsSchema, type SchedulePlan, type ScheduleJson, type ScheduleOptions, type Feasibility } from './schedule/schedule-plan';
export { type Milestone, type MilestoneInput } from './schedule/milestones';
export { type GanttChart, type GanttBar } from './schedule/gantt';
export { parseWorkBreakdownCsv, stringifyWorkBreakdownCsv, stringifyScheduleCsv, WORK_BREAKDOWN_COLUMNS } from './schedule/csv';

export { analyzeRisks, parseRiskRegister, riskRegisterSchema, riskSchema, RISK_STRATEGIES, type RiskAnalysis, type AssessedRisk, type Risk, type RiskRegister, type RiskRegisterInput } from './risk/register';
export { buildHeatMap, type HeatMap, type HeatCell } from './risk/heat-map';
export { assessKri, kriSchema, type KeyRiskIndicator, type KriStatus, type KriState } from './risk/key-risk-indicator';
export { riskLevel, RISK_LEVELS, type RiskLevel } from './risk/risk-level';

export { kpiSchema, kpiListSchema, BALANCED_SCORECARD_PERSPECTIVES, type Kpi, type KpiInput, type Perspective } from './kpi/kpi';
export { metricBindingSchema, METRIC_SOURCES, type MetricBinding } from './kpi/metric-binding';
export { checkSmart, checkSmartAll, type SmartCheck, type SmartCriterion, type SmartOptions } from './kpi/smart';
export { analyzeOkrs, okrSetSchema, type OkrAnalysis, type ObjectiveProgress, type KeyResultProgress, type OkrSetInput, type OkrStatus } from './kpi/okr';
export { buildScorecard, type BalancedScorecard, type ScorecardPerspective, type ScorecardKpi, type KpiStatus } from './kpi/scorecard';
export { fitTrend, projectTrend, type TrendLine } from './kpi/trend';

export { scheduleMarkdown, processMarkdown, riskMarkdown, smartMarkdown, okrMarkdown, scorecardMarkdown, routeMarkdown } from './markdown-report';
export { valueStreamCsv, riskRegisterCsv, smartCsv, okrCsv, scorecardCsv, routeScoresCsv } from './report/csv-exports';
