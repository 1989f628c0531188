// Seed 003's client onboarding journey, built in: Sandbox → Pilot → Production → Completed, with
// Rollback and Cancelled, its 7 events, STAGE_METRICS thresholds as exit criteria, and its
// rollback triggers as metric rules. content/journeys/client-onboarding.json is this, as JSON.
import { defineJourney, type JourneyDefinitionInput } from './definition';
import { DAY_MS } from './builtin-metrics';
import { SEED_ROLLBACK_TRIGGERS } from './rollback-schema';

const HUMAN_RETRY = { maxRetries: 0, timeoutMs: 14 * DAY_MS };

export const clientOnboardingSource = {
  id: 'client-onboarding',
  name: 'Client onboarding',
  version: 1,
  description:
    'Automates client progression through Sandbox → Pilot → Production with exit-criteria gates on metrics and rollback (seed 003: 90 days → 30 days to production).',
  events: [
    { name: 'start_journey', description: 'Start the journey in the sandbox' },
    { name: 'promote_to_pilot', description: 'Promote to pilot if the sandbox exit criteria are met' },
    { name: 'promote_to_production', description: 'Promote to production if the pilot exit criteria are met' },
    { name: 'initiate_rollback', description: 'Roll back from an active stage (a trigger, with a reason when manual)' },
    { name: 'complete_rollback', description: 'Finish the rollback and resume at the target stage (or cancel)' },
    { name: 'cancel_journey', description: 'Cancel the journey' },
    { name: 'mark_complete', description: 'Mark the journey complete once the production success metrics are met' },
  ],
  stages: [
    {
      id: 'sandbox',
      name: 'Sandbox',
      kind: 'active',
      description:
        'Initial client setup and validation in an isolated environment. Entered when the journey starts: client contract signed, infrastructure provisioned, initial data sources identified.',
      targetDays: 15,
      baselineDays: 30,
      exitCriteria: [
        { name: 'connectors_syncing', metric: 'connector_sync_rate', operator: '>=', threshold: 1.0, description: 'All connectors installed and syncing' },
        { name: 'search_quality', metric: 'search_precision', operator: '>=', threshold: 0.8, description: 'Test queries return relevant results (>80% precision)' },
        { name: 'security_scan', metric: 'security_vulnerabilities', operator: '==', threshold: 0, description: 'Security scan passes (no critical vulnerabilities)' },
        { name: 'stakeholder_approval', metric: 'stakeholder_demo_approved', operator: '==', threshold: 1, description: 'Client stakeholder demo approved (1 = approved)' },
      ],
      rollbackRules: [
        { trigger: 'security_vulnerability', metric: 'security_vulnerabilities', operator: '>', threshold: 0, description: 'Security vulnerabilities detected' },
        { trigger: 'data_quality_low', metric: 'data_quality_score', operator: '<', threshold: 0.8, description: 'Data quality below threshold' },
      ],
      unitsOfWork: [
        {
          key: 'sandbox-setup',
          name: 'Sandbox setup',
          tasks: [
            { key: 'install-connectors', name: 'Install Confluence connector', handler: 'connector-installation-agent', input: { connector_type: 'confluence', auth_method: 'oauth2' } },
            { key: 'provision-test-dataset', name: 'Provision test dataset', handler: 'dataset-provisioning-agent', input: { scenario: 'healthcare_demo', size: 'medium' } },
            {
              key: 'validate-search-quality',
              name: 'Validate search quality',
              handler: 'search-quality-agent',
              input: { precision_threshold: 0.8 },
              dependsOn: ['install-connectors', 'provision-test-dataset'],
            },
          ],
        },
        {
          key: 'sandbox-review',
          name: 'Security audit and stakeholder demo',
          dependsOn: ['sandbox-setup'],
          tasks: [
            { key: 'security-scan', name: 'Run security scan', handler: 'security-scan-agent' },
            { key: 'stakeholder-demo', name: 'Client stakeholder demo approval', handler: 'stakeholder-approval', kind: 'human', dependsOn: ['security-scan'], retry: HUMAN_RETRY },
          ],
        },
      ],
      rollbackUnitOfWork: {
        key: 'sandbox-rollback',
        name: 'Sandbox rollback',
        tasks: [
          { key: 'uninstall-connectors', name: 'Uninstall connectors', handler: 'connector-installation-agent', input: { action: 'uninstall' } },
          { key: 'remove-test-dataset', name: 'Remove test dataset', handler: 'dataset-provisioning-agent', input: { action: 'remove' } },
        ],
      },
    },
    {
      id: 'pilot',
      name: 'Pilot',
      kind: 'active',
      description: 'Limited production deployment with real users (a cohort of 10-50).',
      targetDays: 15,
      baselineDays: 30,
      entryCriteria: [
        { name: 'pilot_cohort_min', metric: 'pilot_cohort_size', operator: '>=', threshold: 10, description: 'Pilot user cohort identified (at least 10 users)' },
        { name: 'pilot_cohort_max', metric: 'pilot_cohort_size', operator: '<=', threshold: 50, description: 'Pilot user cohort of at most 50 users' },
        { name: 'production_infrastructure', metric: 'production_infrastructure_ready', operator: '==', threshold: 1, description: 'Production infrastructure ready (1 = ready)' },
      ],
      exitCriteria: [
        { name: 'search_quality', metric: 'search_precision', operator: '>=', threshold: 0.85, description: 'Search quality metrics stable (>85% precision)' },
        { name: 'user_satisfaction', metric: 'user_satisfaction', operator: '>=', threshold: 4.0, description: 'User satisfaction score above 4.0/5.0' },
        { name: 'no_critical_bugs', metric: 'bug_count', operator: '==', threshold: 0, description: 'No critical bugs in the 7-day window' },
        { name: 'bug_free_window', metric: 'days_in_stage', operator: '>=', threshold: 7, description: 'The 7-day observation window has elapsed' },
        { name: 'performance_sla', metric: 'p95_latency_ms', operator: '<=', threshold: 500, description: 'Performance meets SLA (P95 latency under 500 ms)' },
      ],
      rollbackRules: [
        { trigger: 'user_satisfaction_low', metric: 'user_satisfaction', operator: '<', threshold: 3.5, description: 'User satisfaction score drops below 3.5/5.0' },
        { trigger: 'critical_bug', metric: 'bug_count', operator: '>', threshold: 0, description: 'Critical bugs discovered' },
        { trigger: 'performance_degradation', metric: 'performance_degradation', operator: '>', threshold: 0.2, description: 'Performance degradation above 20%' },
      ],
      timers: [{ key: 'bug-free-window', afterMs: 7 * DAY_MS, description: 'End of the 7-day bug-free window: re-check the pilot exit criteria' }],
      unitsOfWork: [
        {
          key: 'pilot-rollout',
          name: 'Limited user rollout',
          tasks: [
            { key: 'deploy-limited-access', name: 'Deploy to production with pilot-only access', handler: 'deployment-agent', input: { audience: 'pilot_cohort' } },
            { key: 'monitor-search-quality', name: 'Monitor search quality', handler: 'search-quality-agent', input: { precision_threshold: 0.85 }, dependsOn: ['deploy-limited-access'] },
            { key: 'collect-user-feedback', name: 'Collect user feedback survey', handler: 'survey-agent', dependsOn: ['deploy-limited-access'] },
            { key: 'performance-test', name: 'Performance test under real load', handler: 'performance-test-agent', input: { p95_latency_ms: 500 }, dependsOn: ['deploy-limited-access'] },
          ],
        },
      ],
      rollbackUnitOfWork: {
        key: 'pilot-rollback',
        name: 'Pilot rollback',
        tasks: [
          { key: 'revoke-pilot-access', name: 'Revoke pilot access', handler: 'deployment-agent', input: { action: 'revoke', audience: 'pilot_cohort' } },
          { key: 'notify-pilot-users', name: 'Notify pilot users', handler: 'notification-agent', dependsOn: ['revoke-pilot-access'] },
        ],
      },
    },
    {
      id: 'production',
      name: 'Production',
      kind: 'active',
      description: 'Full deployment to all users: gradual rollout 10% → 50% → 100%, continuous monitoring and optimization.',
      entryCriteria: [
        { name: 'rollout_plan', metric: 'rollout_plan_approved', operator: '==', threshold: 1, description: 'Full user rollout plan approved (1 = approved)' },
        { name: 'monitoring', metric: 'monitoring_configured', operator: '==', threshold: 1, description: 'Monitoring and alerting configured (1 = configured)' },
      ],
      exitCriteria: [
        { name: 'user_adoption', metric: 'user_adoption', operator: '>=', threshold: 0.7, description: 'User adoption above 70% within 30 days' },
        { name: 'search_satisfaction', metric: 'search_satisfaction', operator: '>=', threshold: 4.5, description: 'Search satisfaction above 4.5/5.0' },
        { name: 'query_volume_growth', metric: 'query_volume_growth', operator: '>=', threshold: 0.2, description: 'Query volume growth above 20% month over month' },
      ],
      rollbackRules: [
        { trigger: 'major_incident', metric: 'major_incident_count', operator: '>', threshold: 0, description: 'Major incidents (P0/P1 severity)' },
        { trigger: 'user_satisfaction_low', metric: 'user_satisfaction', operator: '<', threshold: 4.0, description: 'User satisfaction drops below 4.0/5.0' },
        { trigger: 'performance_degradation', metric: 'performance_degradation', operator: '>', threshold: 0.2, description: 'System instability: performance degraded by more than 20%' },
      ],
      unitsOfWork: [
        {
          key: 'production-rollout',
          name: 'Gradual user rollout',
          tasks: [
            { key: 'rollout-10', name: 'Roll out to 10% of users', handler: 'deployment-agent', input: { percent: 10 } },
            { key: 'rollout-50', name: 'Roll out to 50% of users', handler: 'deployment-agent', input: { percent: 50 }, dependsOn: ['rollout-10'] },
            { key: 'rollout-100', name: 'Roll out to all users', handler: 'deployment-agent', input: { percent: 100 }, dependsOn: ['rollout-50'] },
          ],
        },
      ],
      rollbackUnitOfWork: {
        key: 'production-rollback',
        name: 'Production rollback',
        tasks: [
          { key: 'reduce-to-pilot-cohort', name: 'Reduce access to the pilot cohort', handler: 'deployment-agent', input: { audience: 'pilot_cohort' } },
          { key: 'notify-stakeholders', name: 'Notify client stakeholders', handler: 'notification-agent', dependsOn: ['reduce-to-pilot-cohort'] },
        ],
      },
    },
    {
      id: 'rollback',
      name: 'Rollback',
      kind: 'rollback',
      description: 'Temporary state: the rolled-back stage’s rollback unit of work runs, then the journey resumes at the target stage or is cancelled.',
    },
    { id: 'completed', name: 'Completed', kind: 'final', outcome: 'success', description: 'Final state: the client reached production and met its success metrics.' },
    { id: 'cancelled', name: 'Cancelled', kind: 'final', outcome: 'failure', description: 'Final state: the journey was cancelled.' },
  ],
  transitions: [
    { from: null, event: 'start_journey', to: 'sandbox' },
    { from: 'sandbox', event: 'promote_to_pilot', to: 'pilot', guard: 'exit_criteria' },
    { from: 'pilot', event: 'promote_to_production', to: 'production', guard: 'exit_criteria' },
    { from: 'production', event: 'mark_complete', to: 'completed', guard: 'exit_criteria' },
    { from: 'sandbox', event: 'initiate_rollback', to: 'rollback' },
    { from: 'pilot', event: 'initiate_rollback', to: 'rollback' },
    { from: 'production', event: 'initiate_rollback', to: 'rollback' },
    { from: 'sandbox', event: 'cancel_journey', to: 'cancelled' },
    { from: 'pilot', event: 'cancel_journey', to: 'cancelled' },
    { from: 'production', event: 'cancel_journey', to: 'cancelled' },
    { from: 'rollback', event: 'complete_rollback', to: { resolve: 'rollback_target' }, guard: 'units_completed', description: 'Resume once the rollback unit of work has completed' },
    { from: 'rollback', event: 'cancel_journey', to: 'cancelled', description: 'Seed 003 rollback step 6: resume or cancel' },
  ],
  rollbackTriggers: [...SEED_ROLLBACK_TRIGGERS],
  rollbackTarget: { kind: 'previous' },
  counters: [
    { metric: 'bug_count', topic: 'journey.bug.reported', match: { severity: 'critical' }, windowMs: 7 * DAY_MS, description: 'Critical bugs reported in the last 7 days' },
    { metric: 'major_incident_count', topic: 'journey.incident.reported', match: { severity: ['P0', 'P1'] }, description: 'P0/P1 incidents reported in the stage' },
  ],
} satisfies JourneyDefinitionInput;

export const clientOnboarding = defineJourney(clientOnboardingSource);
