// The "Auto-generated from" / "Canonical Reference" link. With a base (--source-link) it is
// base + file name; otherwise it follows the reference generator, which wrote the source
// path relative to a docs folder two levels below the repository root.

export type SourceLinkOptions = {
  /** Base URL or path under which the source JSON files are published. */
  sourceLink?: string;
  /** Path of the source JSON file as the author's repository knows it. */
  sourcePath?: string;
};

export type SourceLink = { fileName: string; href: string };

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

function joinBase(base: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName);
  return base.endsWith('/') ? base + encoded : `${base}/${encoded}`;
}

// Characters that would end or break a Markdown link destination.
function safeHref(href: string): string {
  return href.replace(/[\s()<>]/g, (c) =>
    /[()<>]/.test(c) ? '%' + (c.codePointAt(0) as number).toString(16).toUpperCase() : encodeURIComponent(c),
  );
}

const absolute = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)/i;

/** The link target and text for a sequence's source file. */
export function sourceLinkFor(sequenceId: string, options: SourceLinkOptions): SourceLink {
  const fileName = options.sourcePath ? baseName(options.sourcePath) || `${sequenceId}.json` : `${sequenceId}.json`;
  if (options.sourceLink !== undefined && options.sourceLink !== '') {
    return { fileName, href: safeHref(joinBase(options.sourceLink, fileName)) };
  }
  if (options.sourcePath) {
    const path = options.sourcePath.replace(/\\/g, '/');
    return { fileName, href: safeHref(absolute.test(path) ? path : `../../${path}`) };
  }
  return { fileName, href: safeHref(encodeURIComponent(fileName)) };
}
