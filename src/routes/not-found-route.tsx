import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';

export function NotFoundRoute() {
  const location = useLocation();
  return (
    <div className="p-4">
      {/* Every page has a heading to land on (axe: page-has-heading-one). */}
      <h1 className="mb-3 text-lg font-semibold">Page not found</h1>
      <ErrorAlert title="Page not found">
        <p>
          There is no page at <code className="font-mono">{location.pathname}</code>. Check the link, or go to{' '}
          <Link to={{ pathname: '/search', search: location.search }} className="underline">
            Search
          </Link>
          .
        </p>
      </ErrorAlert>
    </div>
  );
}

export default NotFoundRoute;
