// Fires due journey timers (e.g. the pilot's 7-day bug-free window) exactly once, from any
// worker, surviving restarts: the timer row is the durable record; firing records the outcome,
// emits journey.timer.fired and sends the timer's event to the journey when it has one.
import { JOURNEY_TOPICS } from '../core/journey/topics';
import type { Db } from '../store/db';
import type { NewEvent, StoredEvent } from '../store/events-repo';
import { dueTimers, lockScheduledTimer, markTimerFired, nextTimerAt, setTimerResult } from '../store/journey-timers-repo';
import { lockJourney } from '../store/journey-states-repo';
import type { Clock } from './clock';
import { applyJourneyEvent } from './journey-apply';
import { settleJourney } from './journey-automation';
import type { JourneyDefinitions } from './journey-definitions';
import { commitEngineChange } from './task-commit';

export class JourneyTimers {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly defs: JourneyDefinitions,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  /** Fires every timer due now; returns how many this call fired. */
  async fireDue(limit = 50): Promise<number> {
    const due = await dueTimers(this.db, this.clock.now(), limit);
    let fired = 0;
    for (const candidate of due) {
      const done = await commitEngineChange(
        this.db,
        this.clock,
        async (tx, now) => {
          await lockJourney(tx, candidate.journeyId);
          const timer = await lockScheduledTimer(tx, candidate.id);
          // Another worker fired or cancelled it first.
          if (!timer) return { result: false };
          const events: NewEvent[] = [];
          let result = 'fired';
          // Marked first: an accepted event leaves the stage, which cancels the stage's scheduled timers.
          await markTimerFired(tx, timer.id, result, now);
          if (timer.event) {
            const outcome = await applyJourneyEvent(tx, this.defs, now, timer.journeyId, { type: timer.event }, { actor: 'system:timer', recordRejection: true });
            events.push(...outcome.events);
            result = outcome.accepted ? `sent '${timer.event}': moved from '${outcome.before.currentStage}' to '${outcome.state.currentStage}'` : `sent '${timer.event}': refused (${outcome.rejection.message})`;
            await setTimerResult(tx, timer.id, result);
          }
          const firedEvent: NewEvent = {
            topic: JOURNEY_TOPICS.timerFired,
            key: timer.journeyId,
            payload: { journeyId: timer.journeyId, stage: timer.stage, key: timer.key, timerId: timer.id, event: timer.event, scheduledFor: timer.fireAt, result, at: now.toISOString() },
          };
          const settled = await settleJourney(tx, this.defs, now, timer.journeyId, { metricsChanged: true }, [firedEvent, ...events]);
          return {
            result: true,
            audits: [{ actor: 'system:timer', action: 'journey.timer.fire', target: timer.journeyId, summary: `timer '${timer.key}' of stage '${timer.stage}' fired: ${result}` }],
            events: [firedEvent, ...events, ...settled.events],
          };
        },
        this.onEvents,
      );
      if (done.result) fired++;
    }
    return fired;
  }

  nextAt(): Promise<Date | null> {
    return nextTimerAt(this.db);
  }
}
