// Where marked departs from CommonMark (and so from GitHub) in a way user text can trigger.
// marked lets a link reference definition's label run across blank lines, so a stray "[" in
// one field and "]: x" in a later one would swallow the generated headings in between.
import type { MarkedExtension } from 'marked';

const definitionLabel = /^ {0,3}\[((?:\\.|[^[\]\\])*)\]:/;

export const commonMarkFixes: MarkedExtension = {
  tokenizer: {
    def(src: string) {
      const label = definitionLabel.exec(src)?.[1];
      // CommonMark: no blank line inside a label, and at most 999 characters.
      if (label !== undefined && (/\n[ \t]*\n/.test(label) || label.length > 999)) return undefined;
      return false;
    },
  },
};
