import { useState } from 'preact/hooks';
import { listOpenTasks, rescheduleTask } from '../db/tasks-repository';
import { completeTask } from '../actions/edit-timeline';
import type { Task } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { announceTasksChanged } from './announce-tasks-changed';
import { useDatabase } from '../ui/database-context';
import { formatDay, formatTime } from '../ui/format';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { fromDateTimeInput, toDateTimeInput } from './date-time-input';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DAY_MS } from '../metrics/engagement-score';


/** "What's next": the soonest open follow-up with Done and Snooze; later ones one click away. */
export function FollowUps({ contactId }: { contactId: string }) {
  const tasks = useLiveDbQuery(['open-tasks', contactId], (db) => listOpenTasks(db, contactId));
  const [showAll, setShowAll] = useState(false);
  if (!tasks.data) return null;
  const [next, ...later] = tasks.data;
  return (
    <section class="follow-ups" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups</h2>
      {next ? (
        <ul class="tasks">
          <FollowUp key={next.id} task={next} />
          {showAll && later.map((task) => <FollowUp key={task.id} task={task} />)}
        </ul>
      ) : (
        <p class="quiet">Nothing planned. A note with a follow-up date adds one.</p>
      )}
      {later.length > 0 && (
        <button type="button" class="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show only the next one' : `${later.length} more ${later.length === 1 ? 'follow-up' : 'follow-ups'}`}
        </button>
      )}
    </section>
  );
}

function FollowUp({ task }: { task: Task }) {
  const database = useDatabase();
  const [rescheduling, setRescheduling] = useState(false);
  const [when, setWhen] = useState(toDateTimeInput(task.due));
  const overdue = task.due < Date.now();

  // Told inside the write: a follow-up done or moved may leave this list (and this item) at once.
  const update = useMutation('update the follow-up', async (action: () => Promise<unknown>) => {
    await action();
    announceTasksChanged();
  });
  const run = (action: () => Promise<unknown>): void => update.mutate(action);

  const moveTo = fromDateTimeInput(when);
  return (
    <li class={overdue ? 'task overdue' : 'task'}>
      <p class="task-title">{task.title}</p>
      <p class="quiet">
        {overdue ? 'Overdue since ' : 'Due '}
        {formatDay(task.due)} {formatTime(task.due)}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void run(async () => completeTask(await database(), task.id, Date.now()))} aria-label={`Done: ${task.title}`}>
          Done
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => void run(async () => rescheduleTask(await database(), task.id, Math.max(task.due, Date.now()) + DAY_MS, Date.now()))}
          aria-label={`Snooze a day: ${task.title}`}
        >
          Snooze a day
        </button>
        <button type="button" class="secondary" onClick={() => setRescheduling(!rescheduling)} aria-expanded={rescheduling}>
          Reschedule
        </button>
      </div>
      {rescheduling && (
        <div class="field-row">
          <label for={`reschedule-${task.id}`}>New date</label>
          <input id={`reschedule-${task.id}`} type="datetime-local" value={when} onInput={(event) => setWhen(event.currentTarget.value)} />
          <button
            type="button"
            disabled={moveTo === undefined}
            onClick={() =>
              moveTo !== undefined &&
              void run(async () => {
                await rescheduleTask(await database(), task.id, moveTo, Date.now());
                setRescheduling(false);
              })
            }
          >
            Move
          </button>
        </div>
      )}
      <ErrorAlert message={update.errorMessage} />
    </li>
  );
}
