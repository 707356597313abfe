package org.proclab.mp;

/**
 * How many chunks one pool worker may have in flight (sent, result not back yet), and the count
 * of those in flight now.
 *
 * <p>A worker that has its next chunk waiting never idles between chunks, so a few chunks are sent
 * ahead. How many depends on how long a chunk takes: for chunks that run for milliseconds two are
 * enough, and more would only let one worker hoard work that an idle one could do; for chunks of
 * one tiny task (microseconds), the round trip between processes is longer than the work, and the
 * worker keeps busy only if dozens are queued at its end. So the limit is the number of chunks
 * that make about {@link #AHEAD_NANOS} of work, by the worker's recent chunk times of the same
 * call, never fewer than {@link #MIN_AHEAD} nor more than {@link #MAX_AHEAD}. The most a worker can
 * hold beyond its fair share is therefore about that much work.
 *
 * <p>Each map call starts again at {@link #MIN_AHEAD}: the chunk times of an earlier call say
 * nothing about this one (tiny tasks followed by long ones would otherwise let one worker take
 * dozens of long chunks). Single calls ({@code apply}) have no call id and always use the minimum.
 */
final class WorkAhead {
    static final int MIN_AHEAD = 2;
    static final int MAX_AHEAD = 64;
    static final long AHEAD_NANOS = 2_000_000;
    /** Weight of the newest chunk time in the running average: 1/8. */
    private static final int AVERAGE_SHIFT = 3;

    /** The {@code call} of chunks that are single calls, not part of a map. */
    static final long SINGLE = -1;

    private int inFlight;
    private long call = SINGLE;
    private long averageNanos;

    /** Waits until one more chunk may be sent, and counts it as in flight. */
    synchronized void reserve() throws InterruptedException {
        while (inFlight >= limit()) {
            wait();
        }
        inFlight++;
    }

    /** Counts one more chunk as in flight if that is allowed now, without waiting. */
    synchronized boolean tryReserve() {
        if (inFlight >= limit()) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Gives back a reservation whose chunk was not sent, or came back not started (its worker died first). */
    synchronized void cancel() {
        inFlight--;
        notifyAll();
    }

    /** The chunk about to be sent belongs to map call {@code call}, or is a {@link #SINGLE} call. */
    synchronized void pace(long call) {
        if (call != this.call) {
            this.call = call;
            averageNanos = 0;
        }
    }

    /** A chunk of {@code call} came back after the worker spent {@code nanos} on it. */
    synchronized void done(long call, long nanos) {
        if (call == this.call && call != SINGLE) {
            averageNanos = averageNanos == 0 ? Math.max(1, nanos)
                    : Math.max(1, averageNanos + ((nanos - averageNanos) >> AVERAGE_SHIFT));
        }
        inFlight--;
        notifyAll();
    }

    /** Whether the caller's own reservation is the only chunk in flight: the worker has nothing to do. */
    synchronized boolean onlyTheReservation() {
        return inFlight == 1;
    }

    /** Waits until the caller's own reservation is the only chunk in flight. */
    synchronized void awaitOthers() throws InterruptedException {
        while (inFlight > 1) {
            wait();
        }
    }

    /** The most chunks that may be in flight now. */
    synchronized int limit() {
        if (call == SINGLE || averageNanos == 0) {
            return MIN_AHEAD;
        }
        return (int) Math.max(MIN_AHEAD, Math.min(MAX_AHEAD, AHEAD_NANOS / averageNanos));
    }
}
