// Test helper for the pattern library: copies of catalog patterns under new slugs, and variants that
// fail the gates in known ways (a message over the budget, signals removed so HQO dimensions fail).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FLAGSHIP_SLUG = 'support-ticket-escalation-backlog';
export const CATALOG_DIR = fileURLToPath(new URL('../../content/patterns/', import.meta.url));

export interface PatternJson {
  ows: { meta: { title: string }; flows: { altDecisionPoints: Array<{ branches: Array<{ steps: Array<{ action: string; emits?: string[] }> }> }> } } & Record<string, unknown>;
  library: { slug: string; version: number; referenceCount: number; summary: { problem: string } } & Record<string, unknown>;
}

/** A fresh copy of a catalog file (tests may change it). */
export function catalogJson(slug: string = FLAGSHIP_SLUG): PatternJson {
  return JSON.parse(readFileSync(`${CATALOG_DIR}${slug}.json`, 'utf8')) as PatternJson;
}

/** The flagship under another slug and title, so it is a new pattern. */
export function patternJson(slug: string, title = `Pattern ${slug}`): PatternJson {
  const p = catalogJson();
  p.library.slug = slug;
  p.ows.meta.title = title;
  return p;
}

/** Breaks the budget (a message over 56 characters) and the HQO gate (no signals in the decision branches). */
export function failingBothGates(slug: string): PatternJson {
  const p = patternJson(slug);
  const first = p.ows.flows.altDecisionPoints[0]?.branches[0]?.steps[0];
  if (!first) throw new Error('the flagship has no decision branch step');
  first.action = 'Assigns the ticket to the least-loaded engineer who has the required skill';
  for (const d of p.ows.flows.altDecisionPoints) for (const b of d.branches) for (const s of b.steps) delete s.emits;
  return p;
}
