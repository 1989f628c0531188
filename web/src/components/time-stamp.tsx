// A machine-readable <time> element showing either an absolute or a relative time, with the
// other form as a tooltip.
import { formatDateTime, formatRelative } from '../format/format-time';

export function TimeStamp({ iso, relativeTo }: { iso: string; relativeTo?: number }) {
  const absolute = formatDateTime(iso);
  if (relativeTo === undefined) return <time dateTime={iso}>{absolute}</time>;
  return (
    <time dateTime={iso} title={absolute}>
      {formatRelative(iso, relativeTo)}
    </time>
  );
}
