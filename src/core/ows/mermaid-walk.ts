// Visits every statement of a sequence diagram in document order, with the blocks around it.
import type { BlockSection, BlockStatement, MermaidStatement } from './mermaid-ast';

export interface Enclosing {
  block: BlockStatement;
  section: BlockSection;
}

export function walkStatements(statements: readonly MermaidStatement[], visit: (statement: MermaidStatement, enclosing: readonly Enclosing[]) => void, enclosing: readonly Enclosing[] = []): void {
  for (const statement of statements) {
    visit(statement, enclosing);
    if (statement.kind === 'block') {
      for (const section of statement.sections) walkStatements(section.statements, visit, [...enclosing, { block: statement, section }]);
    } else if (statement.kind === 'box') {
      walkStatements(statement.members, visit, enclosing);
    }
  }
}
