// Every automated task of a definition must name a handler that exists (after the journey's
// aliases): unknown handlers are refused up front, with the pointer of each task that names one.
import type { JourneyDefinition } from '../core/journey/definition';
import type { ErrorLocation } from '../core/shared/error-codes';
import type { UnitTemplate } from '../core/work/unit-template';

/** The handler that runs a task the definition gave `handler`: an alias, the '*' alias, or itself. */
export function resolveAlias(handler: string, aliases: Readonly<Record<string, string>>): string {
  return Object.hasOwn(aliases, handler) ? aliases[handler]! : Object.hasOwn(aliases, '*') ? aliases['*']! : handler;
}

export function handlerProblems(def: JourneyDefinition, known: ReadonlySet<string>, aliases: Readonly<Record<string, string>>): ErrorLocation[] {
  const problems: ErrorLocation[] = [];
  const check = (unit: UnitTemplate, base: string) => {
    unit.tasks.forEach((task, k) => {
      if (task.kind === 'human') return;
      const resolved = resolveAlias(task.handler, aliases);
      if (known.has(resolved)) return;
      const via = resolved === task.handler ? '' : ` (aliased to '${resolved}')`;
      problems.push({ pointer: `${base}/tasks/${k}/handler`, message: `unknown handler '${task.handler}'${via}: register a webhook handler with that name, or map it with "handlers"` });
    });
  };
  def.stages.forEach((stage, i) => {
    stage.unitsOfWork.forEach((unit, j) => check(unit, `/stages/${i}/unitsOfWork/${j}`));
    if (stage.rollbackUnitOfWork) check(stage.rollbackUnitOfWork, `/stages/${i}/rollbackUnitOfWork`);
  });
  return problems;
}
