// Units of work and their tasks as a table, the text companion of the Gantt: status, handler,
// attempts, start and finish, the last error; operators retry a failed task or cancel an open one
// (each with a reason, asked in a dialog) and complete a human task waiting for a person.
import { useState } from 'react';
import { journeys, type Task, type Unit } from '../../api/journeys';
import { StatusBadge } from '../../components/status-badge';
import { TimeStamp } from '../../components/time-stamp';
import { formatSpan, spanBetween, taskTone } from './journey-format';
import { HumanTaskForm } from './human-task-form';
import { TaskActionDialog, type TaskAction } from './task-action-dialog';

function TaskRow({ task, now, canAct, onDone, onFailure }: { task: Task; now: number; canAct: boolean; onDone(m: string): void; onFailure(e: unknown): void }) {
  const [completing, setCompleting] = useState(false);
  const [asking, setAsking] = useState<TaskAction | null>(null);
  const waitingForPerson = task.kind === 'human' && task.status === 'pending' && task.ready;
  const retryable = task.status === 'failed' || task.status === 'cancelled';
  const cancellable = task.status === 'pending' || task.status === 'running';

  return (
    <>
      <tr data-testid="task-row" data-task={task.key} data-status={task.status}>
        <th scope="row">
          {task.name}
          <span className="cell-note">
            <code>{task.key}</code> · {task.kind === 'human' ? 'human' : task.handler}
          </span>
        </th>
        <td>
          <StatusBadge tone={taskTone(task.status)}>{waitingForPerson ? 'waiting for a person' : task.status}</StatusBadge>
          {task.lastError !== null && <span className="cell-note ju-error">{task.lastError}</span>}
          {waitingForPerson && task.dueAt && (
            <span className="cell-note" data-testid="task-due">
              due <TimeStamp iso={task.dueAt} />
            </span>
          )}
        </td>
        <td className="numeric">
          {task.totalAttempts}
          <span className="cell-note">max {task.maxRetries + 1}</span>
        </td>
        <td>{task.startedAt === null ? <span className="muted">—</span> : <TimeStamp iso={task.startedAt} />}</td>
        <td className="nowrap">{task.startedAt === null ? '—' : formatSpan(spanBetween(task.startedAt, task.finishedAt, now))}</td>
        <td className="actions">
          {canAct && retryable && (
            <button type="button" className="button" onClick={() => setAsking('retry')}>
              Retry task…
            </button>
          )}
          {canAct && cancellable && (
            <button type="button" className="button button-danger-outline" onClick={() => setAsking('cancel')}>
              Cancel task…
            </button>
          )}
          {asking !== null && <TaskActionDialog task={task} action={asking} onClose={() => setAsking(null)} onDone={onDone} />}
          {canAct && waitingForPerson && (
            <button type="button" className="button" aria-expanded={completing} onClick={() => setCompleting((c) => !c)}>
              {completing ? 'Close' : 'Complete…'}
            </button>
          )}
        </td>
      </tr>
      {completing && waitingForPerson && (
        <tr>
          <td colSpan={6}>
            <HumanTaskForm
              task={task}
              onDone={(m) => {
                setCompleting(false);
                onDone(m);
              }}
              onFailure={onFailure}
            />
          </td>
        </tr>
      )}
    </>
  );
}

export function UnitTasks({ units, now, canAct, onDone, onFailure }: { units: readonly Unit[]; now: number; canAct: boolean; onDone(m: string): void; onFailure(e: unknown): void }) {
  if (units.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table compact" aria-label="Tasks">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Started</th>
            <th scope="col">Took</th>
            <th scope="col" className="actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {units.map((u) => (
          <tbody key={u.id} aria-label={`Unit ${u.name}`}>
            <tr className="ju-unit">
              <th scope="rowgroup" colSpan={6}>
                {u.name} <span className="muted">· {u.kind === 'rollback' && u.stage !== 'rollback' ? `rollback of ${u.stage}` : u.stage}{u.visit > 1 ? ` (visit ${u.visit})` : ''}</span>{' '}
                <StatusBadge tone={taskTone(u.status)}>{u.status.replace('_', ' ')}</StatusBadge>
                {u.statusReason !== '' && <span className="cell-note">{u.statusReason}</span>}
              </th>
            </tr>
            {u.tasks.map((t) => (
              <TaskRow key={t.id} task={t} now={now} canAct={canAct} onDone={onDone} onFailure={onFailure} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
