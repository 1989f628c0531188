import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { okrCsv, riskRegisterCsv, routeScoresCsv, scorecardCsv, smartCsv, valueStreamCsv } from '../../../../src/core/advisor/report/csv-exports';
import { analyzeRisks } from '../../../../src/core/advisor/risk/register';
import { analyzeValueStream } from '../../../../src/core/advisor/process/value-stream';
import { checkSmartAll } from '../../../../src/core/advisor/kpi/smart';
import { analyzeOkrs } from '../../../../src/core/advisor/kpi/okr';
import { buildScorecard } from '../../../../src/core/advisor/kpi/scorecard';
import { routeProblem } from '../../../../src/core/advisor/router';

const content = (name: string) => JSON.parse(readFileSync(new URL(`../../../../content/advisor/${name}`, import.meta.url), 'utf8'));
const rows = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;

describe('CSV exports', () => {
  it('value stream: one row per step, the bottleneck marked, empty cells for unknowns', () => {
    const csv = rows(valueStreamCsv(analyzeValueStream(content('value-stream-escalation.json'))));
    expect(csv.map((r) => r['bottleneck'])).toEqual(['no', 'no', 'no', 'yes', 'no', 'no']);
    expect(csv[3]).toMatchObject({ step: 'L2 diagnosis', utilization: '1.125', defect_rate: '0.22', value_adding: 'yes' });
    const bare = rows(valueStreamCsv(analyzeValueStream({ steps: [{ name: 'Only', processTime: 1, waitTime: 0, volume: 1 }] })));
    expect(bare[0]!['utilization']).toBe('');
  });

  it('risk register: ranked rows with lists joined and commas quoted', () => {
    const csv = rows(riskRegisterCsv(analyzeRisks(content('risks-epic-5.1.json'))));
    expect(csv.map((r) => r['id'])).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(csv[0]).toMatchObject({ score: '12', level: 'high', mitigation: 'Allocate 2 developers, pair programming, daily standups', key_risk_indicators: 'Days behind plan on 5.1.0: not measured' });
  });

  it('KPIs: SMART verdicts with reasons, OKR rows per key result, scorecard rows per KPI', () => {
    const kpis = content('kpis-epic-5.1.json');
    const smart = rows(smartCsv(checkSmartAll([...kpis, { id: 'v', name: 'Better service' }]).checks));
    expect(smart.at(-1)).toMatchObject({ kpi_id: 'v', smart: 'no', relevant: 'no', relevant_why: 'not linked to a business objective (alignedTo).' });
    const okr = rows(okrCsv(analyzeOkrs(content('okrs-escalation.json'))));
    expect(okr.map((r) => [r['key_result_id'], r['progress'], r['status']])).toEqual([['KR1', '1', 'achieved'], ['KR2', '1', 'achieved'], ['KR3', '1', 'achieved']]);
    const card = rows(scorecardCsv(buildScorecard(kpis)));
    expect(card).toHaveLength(8);
    expect(card.filter((r) => r['binding'] !== '').map((r) => r['binding'])).toEqual(['escalation:mttr', 'escalation:sla_breach_rate']);
  });

  it('route: one row per skill with its matched phrases', () => {
    const csv = rows(routeScoresCsv(routeProblem({ problem: 'Track KPIs and OKRs' })));
    expect(csv[0]).toMatchObject({ skill: 'Performance Metrics', score: '7', share: '1', matched: 'kpis (+3); okrs (+3); track (+1)' });
    expect(csv).toHaveLength(4);
  });
});
