package truce.highlight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few seconds of a camera as JPEGs in memory: small and bounded (by time and by bytes), so a
 * highlight can start a few seconds before the moment that made it.
 */
final class FrameRing {
    record Entry(double timeMs, byte[] jpeg) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final double spanMs;
    private final long maxBytes;
    private long bytes;

    FrameRing(double spanMs, long maxBytes) {
        this.spanMs = spanMs;
        this.maxBytes = maxBytes;
    }

    void add(double timeMs, byte[] jpeg) {
        entries.addLast(new Entry(timeMs, jpeg));
        bytes += jpeg.length;
        while (!entries.isEmpty() && (timeMs - entries.peekFirst().timeMs() > spanMs || bytes > maxBytes)) {
            bytes -= entries.pollFirst().jpeg().length;
        }
    }

    /** The entries within [fromMs, toMs], oldest first (the arrays are shared: they are never modified). */
    List<Entry> between(double fromMs, double toMs) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.timeMs() >= fromMs && e.timeMs() <= toMs) {
                out.add(e);
            }
        }
        return out;
    }

    void clear() {
        entries.clear();
        bytes = 0;
    }

    long bytes() {
        return bytes;
    }
}
