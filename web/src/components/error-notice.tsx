// Shows any failure with the server's own words: title, detail and each field error with its
// JSON pointer, so the user knows what to fix.
import { describeError, describeLocation, isApiError } from '../api/api-error';

export function ErrorNotice({ error, action }: { error: unknown; action?: string }) {
  const heading = action === undefined ? 'Something went wrong' : `Could not ${action}`;
  const fieldErrors = isApiError(error) ? error.errors : [];
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{heading}</p>
      <p>{describeError(error)}</p>
      {fieldErrors.length > 0 && (
        <ul className="field-errors">
          {fieldErrors.map((fieldError, i) => (
            <li key={i}>
              <code>{describeLocation(fieldError)}</code> {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
