// Unknown portal addresses: says which path was not found and offers the way back.
import { Link, useLocation } from 'react-router-dom';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="gate" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        The portal has no page at <code>{location.pathname}</code>.
      </p>
      <p>
        <Link to="/" className="button button-primary">
          Go to Home
        </Link>
      </p>
    </section>
  );
}
