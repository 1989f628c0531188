// A pattern's page: the article's nine sections with both diagrams drawn (and copyable), the
// printable checklist and its exports, the HQO scorecard chart, then the tools a team or consultant
// uses next: build a solution, white-label for a client, price a statement of work.
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { patternsApi, type PatternDetail } from '../../api/patterns';
import { ErrorNotice } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { ScorecardChart } from '../../components/scorecard-chart';
import { StatusBadge } from '../../components/status-badge';
import { useApiResource } from '../../hooks/use-api-resource';
import { ChecklistTools } from './checklist-tools';
import { DiagramBlock } from './diagram-block';
import { MarkdownView } from './markdown-view';
import { PatternBadges } from './pattern-badges';
import { readFacets, sectionAnchor } from './pattern-facts';
import { SolutionPanel } from './solution-panel';
import { SowBuilder } from './sow-builder';
import { useSearchParamsUpdater } from './use-search-params-updater';
import { WhiteLabelEditor } from './white-label-editor';
import './library.css';

interface DiagramTexts {
  asIs: string;
  orchestrated: string;
}

const TOOL_SECTIONS = [
  { id: 'build-a-solution', label: 'Build a solution' },
  { id: 'white-label', label: 'White-label' },
  { id: 'statement-of-work', label: 'Statement of work' },
] as const;

function readVersion(params: URLSearchParams): number | undefined {
  const value = Number(params.get('version'));
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

function ArticleSection({ heading, markdown, detail, diagrams, version, openEvidence, onToggleEvidence }: {
  heading: string;
  markdown: string;
  detail: PatternDetail;
  diagrams: DiagramTexts | null;
  version: number | undefined;
  openEvidence: readonly string[];
  onToggleEvidence(id: string): void;
}) {
  const anchor = sectionAnchor(heading);
  const isChecklist = heading === 'Checklist';
  const body = () => {
    if (heading === 'Orchestration scorecard') {
      const card = detail.scorecard;
      return (
        <>
          <ScorecardChart scorecard={card} openIds={openEvidence} onToggle={onToggleEvidence} />
          <p className="field-help">
            Scored from the pattern's content (signals, decision points, actors, routes, diagram budget). To pass, every
            dimension needs at least {card.minDimensionScore}, the total at least {card.minTotalScore}, with at least one SLA
            trigger and one escalation route, and every required decision point modeled as an alt block.
          </p>
        </>
      );
    }
    const kind = heading === 'As-Is diagram' ? 'as-is' : heading === 'Orchestrated diagram' ? 'orchestrated' : null;
    return (
      <MarkdownView
        markdown={markdown}
        renderCode={(code) => {
          if (code.lang !== 'mermaid' || kind === null) return undefined;
          // The API's own diagram text, so "Copy Mermaid" gives exactly what /mermaid/<kind> serves.
          const text = (kind === 'as-is' ? diagrams?.asIs : diagrams?.orchestrated) ?? code.text;
          return <DiagramBlock title={kind === 'as-is' ? 'As-Is flow' : 'Orchestrated flow'} text={text} testId={`diagram-${kind}`} />;
        }}
      />
    );
  };
  return (
    <section
      className={`panel article-section${isChecklist ? ' print-target' : ''}`}
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      data-section={heading}
    >
      <div className="panel-head">
        <h2 id={`${anchor}-title`}>{heading}</h2>
        {isChecklist && <ChecklistTools slug={detail.slug} version={version} />}
      </div>
      {isChecklist && <p className="print-only">{detail.title}: implementation checklist</p>}
      {body()}
    </section>
  );
}

export function PatternPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const [params, updateParams] = useSearchParamsUpdater();
  const version = readVersion(params);
  const detail = useApiResource(
    (signal) => (version === undefined ? patternsApi.get(slug, signal) : patternsApi.version(slug, version, signal)),
    [slug, version],
  );
  const diagrams = useApiResource(
    async (signal): Promise<DiagramTexts> => {
      const [asIs, orchestrated] = await Promise.all([
        patternsApi.text(slug, 'mermaid/as-is', version, signal),
        patternsApi.text(slug, 'mermaid/orchestrated', version, signal),
      ]);
      return { asIs, orchestrated };
    },
    [slug, version],
  );
  const data = detail.state.data;

  useEffect(() => {
    if (data !== null) document.title = `${data.title} · Library · Orchestration Wisdom`;
  }, [data?.title]);

  // The search the user came from, so "Library" leads back to the same results.
  const from = typeof location.state === 'object' && location.state !== null && 'from' in location.state ? String(location.state.from) : '';
  const back = (
    <nav className="breadcrumb no-print" aria-label="Breadcrumb">
      <Link to={`/library${from}`}>← Library</Link>
    </nav>
  );

  if (data === null) {
    if (detail.state.status === 'error') {
      const missing = isApiError(detail.state.error) && detail.state.error.status === 404;
      return (
        <>
          {back}
          <PageHeader title={missing ? 'Pattern not found' : 'Pattern'} />
          <ErrorNotice error={detail.state.error} action={`load the pattern “${slug}”`} />
        </>
      );
    }
    return (
      <>
        {back}
        <p className="muted" role="status">
          Loading the pattern…
        </p>
      </>
    );
  }

  const facets = readFacets(data.pattern.library);
  const openEvidence = params.getAll('evidence');
  const toggleEvidence = (id: string) =>
    updateParams(
      (current) => {
        const next = new URLSearchParams(current);
        const open = next.getAll('evidence');
        next.delete('evidence');
        for (const value of open.includes(id) ? open.filter((x) => x !== id) : [...open, id]) next.append('evidence', value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const articleUrl = patternsApi.artifactUrl(data.slug, 'article.md', version);

  return (
    <div className="pattern-page">
      <div className="pattern-main">
        {back}
        <PageHeader
          title={data.title}
          summary={facets?.summary.problem}
          actions={
            <a className="button button-primary no-print" href={articleUrl} download="ARTICLE.md">
              Download ARTICLE.md
            </a>
          }
        />
        <div className="pattern-intro no-print">
          {facets !== null && (
            <>
              <p className="pattern-lede">
                <strong>The shift: </strong>
                {facets.summary.orchestrationShift}
              </p>
              <PatternBadges facts={facets} label="Facets of this pattern" />
            </>
          )}
          <p className="pattern-meta">
            Version {data.version}
            {data.version !== data.latestVersion && (
              <>
                {' '}
                (an earlier version; <Link to={`/library/${encodeURIComponent(data.slug)}`}>see the latest, {data.latestVersion}</Link>)
              </>
            )}{' '}
            · published {data.publishedAt.slice(0, 10)} by {data.createdBy} · referenced {data.references.total} times ·{' '}
            <StatusBadge tone={data.scorecard.passed ? 'ok' : 'fail'}>
              HQO {data.scorecard.totalScore}/{data.scorecard.maxScore}
            </StatusBadge>
          </p>
          {data.versions.length > 1 && (
            <p className="pattern-meta">
              Versions:{' '}
              {data.versions.map((v, i) => (
                <span key={v.version}>
                  {i > 0 && ', '}
                  {v.version === data.version ? (
                    <strong aria-current="page">{v.version}</strong>
                  ) : (
                    <Link to={`/library/${encodeURIComponent(data.slug)}?version=${v.version}`}>{v.version}</Link>
                  )}
                </span>
              ))}
            </p>
          )}
          {diagrams.state.status === 'error' && <ErrorNotice error={diagrams.state.error} action="load the diagram texts" />}
        </div>

        {data.sections.map((section) => (
          <ArticleSection
            key={section.heading}
            heading={section.heading}
            markdown={section.markdown}
            detail={data}
            diagrams={diagrams.state.data}
            version={version}
            openEvidence={openEvidence}
            onToggleEvidence={toggleEvidence}
          />
        ))}
        <SolutionPanel components={data.components} />
        <WhiteLabelEditor slug={data.slug} version={version} />
        <SowBuilder slug={data.slug} version={version} />
      </div>
      <nav className="pattern-toc no-print" aria-label="On this page">
        <h2>On this page</h2>
        <ol>
          {[...data.sections.map((s) => ({ id: sectionAnchor(s.heading), label: s.heading })), ...TOOL_SECTIONS].map((entry) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`}>{entry.label}</a>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
