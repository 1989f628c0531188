// Shown when a page fails to render or its code fails to load (for example after an upgrade
// replaced the bundle): the cause in words and a way to recover.
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { describeError } from '../../api/api-error';

export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`.trim()
    : describeError(error);
  return (
    <main className="content standalone" id="main">
      <section className="gate" role="alert" aria-labelledby="route-error-title">
        <h1 id="route-error-title">This page could not be shown</h1>
        <p>{message}</p>
        <p className="actions-row">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <Link to="/" className="button">
            Go to Home
          </Link>
        </p>
      </section>
    </main>
  );
}
