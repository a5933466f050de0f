package truce.source;

/**
 * Makes any blocking source live: a capture thread reads as fast as the device delivers into a back buffer
 * and hands over through a single slot, so the reader always gets the newest frame and never falls behind.
 * A frame replaced before anyone took it counts as dropped. When the inner source fails or ends, the capture
 * thread reports it and reopens with exponential backoff until closed (or until {@code maxAttempts}).
 * Pixels move by swapping reused Mats between frames, never by copying or allocating.
 */
public final class LiveSource implements FrameSource {

    /** Opens the inner source again, for the first time or after a failure. */
    @FunctionalInterface
    public interface Opener {
        FrameSource open() throws SourceException;
    }

    private final String description;
    private final Opener opener;
    private final SourceEvent.Listener events;
    private final long firstDelayMs;
    private final long maxDelayMs;
    private final int maxAttempts;
    private final Object lock = new Object();
    private final Frame pending = new Frame();
    private final Frame back = new Frame();
    private final Thread thread;
    private final long startMs = System.currentTimeMillis();
    private volatile double fps;
    private boolean hasPending;
    private boolean stopped;
    private volatile boolean closed;
    private long captured;
    private long dropped;

    /**
     * @param maxAttempts reconnection attempts in a row before giving up; 0 retries for ever
     */
    public LiveSource(String description, Opener opener, SourceEvent.Listener events,
                      long firstDelayMs, long maxDelayMs, int maxAttempts) {
        this.description = description;
        this.opener = opener;
        this.events = events;
        this.firstDelayMs = firstDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.maxAttempts = maxAttempts;
        this.thread = new Thread(this::capture, "capture " + description);
        thread.setDaemon(true);
        thread.start();
    }

    /** Retries for ever, from 0.5 s up to 8 s between attempts. */
    public LiveSource(String description, Opener opener, SourceEvent.Listener events) {
        this(description, opener, events, 500, 8000, 0);
    }

    private void capture() {
        int attempt = 0;
        while (!closed) {
            String reason;
            try (FrameSource source = opener.open()) {
                fps = source.fps();
                attempt = 0;
                reason = pump(source);
            } catch (SourceException e) {
                reason = e.getMessage();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                reason = e.toString();
            }
            if (closed) {
                break;
            }
            events.on(new SourceEvent.Failed(description, captured, reason));
            attempt++;
            if (maxAttempts > 0 && attempt > maxAttempts) {
                break;
            }
            long delay = Math.min(maxDelayMs, firstDelayMs << Math.min(20, attempt - 1));
            events.on(new SourceEvent.Reconnecting(description, attempt, delay));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                break;
            }
        }
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        events.on(new SourceEvent.Ended(description, captured));
    }

    /** Reads until the inner source fails or ends; returns why it stopped. */
    private String pump(FrameSource source) throws SourceException, InterruptedException {
        while (!closed) {
            if (!source.read(back)) {
                return "stream ended";
            }
            long now = System.currentTimeMillis();
            synchronized (lock) {
                back.stamp(captured++, now - startMs, now);
                if (hasPending) {
                    dropped++;
                }
                pending.swap(back);
                hasPending = true;
                lock.notifyAll();
            }
        }
        return "closed";
    }

    @Override
    public boolean read(Frame into) throws InterruptedException {
        return await(into, Long.MAX_VALUE);
    }

    /**
     * Takes the newest frame, waiting at most {@code timeoutMs}.
     *
     * @return false on timeout (see {@link #stopped()}) or once the source stopped for good
     */
    public boolean await(Frame into, long timeoutMs) throws InterruptedException {
        long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock) {
            while (!hasPending && !stopped && !closed) {
                long left = deadline == Long.MAX_VALUE ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
                if (deadline != Long.MAX_VALUE && left <= 0) {
                    return false;
                }
                lock.wait(Math.max(left, 0));
            }
            if (!hasPending) {
                return false;
            }
            into.swap(pending);
            hasPending = false;
            return true;
        }
    }

    /** True once the capture thread has given up or the source was closed. */
    public boolean stopped() {
        synchronized (lock) {
            return stopped || closed;
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public long droppedFrames() {
        synchronized (lock) {
            return dropped;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            pending.close();
            back.close();
        }
    }
}
