import type { JobQueue } from "./job-queue";

/**
 * The queue as seen by code that enqueues on a user's behalf without knowing
 * whose (enqueueAnalysis, say): every job it enqueues records `userId` as its
 * creator, so it shows in that user's jobs list.
 */
export function queueActingFor(queue: JobQueue, userId: string): JobQueue {
  return { ...queue, enqueue: (kind, payload, options) => queue.enqueue(kind, payload, { ...options, createdById: userId }) };
}
