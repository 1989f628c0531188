// Renders the article's Markdown as React elements from marked's tokens, never as HTML: text is
// always React text, raw HTML in the source shows as the characters it is, images become their alt
// text, and only http(s) or same-site links become links. Code blocks can be handed to the caller
// (the pattern page turns `mermaid` blocks into rendered diagrams).
import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';
import { decodeEntities, safeHref } from './markdown-inline';

export type CodeRenderer = (code: Tokens.Code, key: string) => ReactNode | undefined;

function inline(tokens: readonly Token[] | undefined, key: string): ReactNode {
  if (tokens === undefined) return null;
  return tokens.map((token, i) => <Fragment key={`${key}.${i}`}>{inlineToken(token, `${key}.${i}`)}</Fragment>);
}

function inlineToken(token: Token, key: string): ReactNode {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens !== undefined && t.tokens.length > 0 ? inline(t.tokens, key) : decodeEntities(t.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong>{inline((token as Tokens.Strong).tokens, key)}</strong>;
    case 'em':
      return <em>{inline((token as Tokens.Em).tokens, key)}</em>;
    case 'del':
      return <del>{inline((token as Tokens.Del).tokens, key)}</del>;
    case 'codespan':
      return <code>{decodeEntities((token as Tokens.Codespan).text)}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      const body = inline(link.tokens, key);
      return href === null ? body : <a href={href} rel="noopener noreferrer">{body}</a>;
    }
    case 'image':
      return decodeEntities((token as Tokens.Image).text);
    default:
      // Inline HTML and anything unknown: the characters as written.
      return 'raw' in token && typeof token.raw === 'string' ? token.raw : null;
  }
}

/** A task's name for its checkbox: the first line of the item without Markdown emphasis. */
function taskName(item: Tokens.ListItem): string {
  const firstLine = item.text.split('\n')[0] ?? '';
  return decodeEntities(firstLine.replace(/\*\*|__|\\(?=[[\]\\])/g, '').trim());
}

function listItem(item: Tokens.ListItem, key: string, renderCode: CodeRenderer | undefined): ReactNode {
  const body = blocks(item.tokens, key, renderCode, !item.loose);
  if (!item.task) return <li key={key}>{body}</li>;
  // The checkbox is named by the task's first line; the details below it stay outside the label.
  return (
    <li key={key} className="task-item">
      <input type="checkbox" defaultChecked={item.checked === true} aria-label={taskName(item)} />
      <div className="task-body">{body}</div>
    </li>
  );
}

function block(token: Token, key: string, renderCode: CodeRenderer | undefined, tight: boolean): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading': {
      const heading = token as Tokens.Heading;
      // Article sections are h2 on the page; headings inside a section sit below them.
      const level = Math.min(6, Math.max(3, heading.depth + 1));
      const Tag = `h${level}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={key}>{inline(heading.tokens, key)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens, key)}</p>;
    case 'text': {
      // Text directly inside a tight list item: no paragraph around it.
      const text = token as Tokens.Text;
      const content = text.tokens !== undefined ? inline(text.tokens, key) : decodeEntities(text.text);
      return tight ? <Fragment key={key}>{content}</Fragment> : <p key={key}>{content}</p>;
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => listItem(item, `${key}.${i}`, renderCode));
      if (list.ordered) {
        const start = typeof list.start === 'number' ? list.start : undefined;
        return (
          <ol key={key} start={start}>
            {items}
          </ol>
        );
      }
      return (
        <ul key={key} className={list.items.some((item) => item.task) ? 'task-list' : undefined}>
          {items}
        </ul>
      );
    }
    case 'table': {
      const table = token as Tokens.Table;
      const align = (i: number) => table.align[i] ?? undefined;
      return (
        <div key={key} className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} scope="col" style={{ textAlign: align(i) }}>
                    {inline(cell.tokens, `${key}.h${i}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={{ textAlign: align(i) }}>
                      {inline(cell.tokens, `${key}.${r}.${i}`)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'code': {
      const code = token as Tokens.Code;
      const custom = renderCode?.(code, key);
      if (custom !== undefined) return <Fragment key={key}>{custom}</Fragment>;
      return (
        <pre key={key} className="code-block">
          <code>{code.text}</code>
        </pre>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, key, renderCode, false)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    default:
      // Block HTML and anything unknown: shown as the text it is.
      return 'raw' in token && typeof token.raw === 'string' ? <p key={key}>{token.raw}</p> : null;
  }
}

function blocks(tokens: readonly Token[], key: string, renderCode: CodeRenderer | undefined, tight: boolean): ReactNode[] {
  return tokens.map((token, i) => block(token, `${key}.${i}`, renderCode, tight));
}

export function MarkdownView({ markdown, renderCode }: { markdown: string; renderCode?: CodeRenderer }) {
  return <>{blocks(Lexer.lex(markdown), 'md', renderCode, false)}</>;
}
