package truce.bench;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-frame clocks for a two-part frame (say vision, then the model): wall time, the thread's own CPU time,
 * heap bytes allocated, and whether a garbage collection ran. Wall time alone cannot tell a slow frame from a
 * frame that waited while another process (or the JIT compiler) had the core, or while the JVM was stopped for
 * a collection; the thread's CPU clock leaves both out, and the collection count says which frames a pause
 * touched. One instance per measuring thread.
 */
public final class FrameClock {
    /** A frame whose wall time exceeds its CPU time by more than this waited for the core. */
    static final long WAIT_NANOS = 200_000;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long[] wallA;
    private final long[] wallB;
    private final long[] cpuA;
    private final long[] cpuB;
    private final long[] allocA;
    private final long[] allocB;
    private final long[] gcs;
    private final long[] gcMillis;
    private int n;
    private long w0;
    private long c0;
    private long a0;
    private long w1;
    private long c1;
    private long a1;
    private long g0;

    public FrameClock(int capacity) {
        wallA = new long[capacity];
        wallB = new long[capacity];
        cpuA = new long[capacity];
        cpuB = new long[capacity];
        allocA = new long[capacity];
        allocB = new long[capacity];
        gcs = new long[capacity];
        gcMillis = new long[capacity];
    }

    /** How many frames it holds. */
    public int capacity() {
        return wallA.length;
    }

    /** The second part's CPU nanoseconds of each frame from {@code skip} on (a copy). */
    public long[] cpuB(int skip) {
        return Arrays.copyOfRange(cpuB, skip, n);
    }

    public boolean full() {
        return n == wallA.length;
    }

    public int frames() {
        return n;
    }

    /** Before the first part. */
    public void start() {
        g0 = gcCount();
        a0 = threads.getCurrentThreadAllocatedBytes();
        c0 = threads.getCurrentThreadCpuTime();
        w0 = System.nanoTime();
    }

    /** Between the two parts. */
    public void lap() {
        w1 = System.nanoTime();
        c1 = threads.getCurrentThreadCpuTime();
        a1 = threads.getCurrentThreadAllocatedBytes();
    }

    /** After the second part: the frame is recorded. */
    public void stop() {
        long w2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        long a2 = threads.getCurrentThreadAllocatedBytes();
        // the clock calls between the parts are charged to neither part's wall time
        wallA[n] = w1 - w0;
        wallB[n] = w2 - w1;
        cpuA[n] = c1 - c0;
        cpuB[n] = c2 - c1;
        allocA[n] = a1 - a0;
        allocB[n] = a2 - a1;
        gcs[n] = gcCount() - g0;
        gcMillis[n] = gcTime();
        n++;
    }

    private long gcCount() {
        return sum(GarbageCollectorMXBean::getCollectionCount);
    }

    private long gcTime() {
        return sum(GarbageCollectorMXBean::getCollectionTime);
    }

    /** Over all collectors; a collector that cannot tell answers -1, counted as 0. */
    private long sum(java.util.function.ToLongFunction<GarbageCollectorMXBean> what) {
        long c = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            c += Math.max(0, what.applyAsLong(gc));
        }
        return c;
    }

    /** Prints wall and CPU percentiles of each part and of both, then what disturbed the wall clock. */
    public void report(PrintWriter out, int skip, String partA, String partB) {
        int m = n - skip;
        long[] wA = Arrays.copyOfRange(wallA, skip, n);
        long[] wB = Arrays.copyOfRange(wallB, skip, n);
        long[] cA = Arrays.copyOfRange(cpuA, skip, n);
        long[] cB = Arrays.copyOfRange(cpuB, skip, n);
        long[] w = new long[m];
        long[] c = new long[m];
        int waited = 0;
        int gcFrames = 0;
        long gcCount = 0;
        long allocSumA = 0;
        long allocSumB = 0;
        long allocMaxB = 0;
        for (int i = 0; i < m; i++) {
            w[i] = wA[i] + wB[i];
            c[i] = cA[i] + cB[i];
            allocSumA += allocA[skip + i];
            allocSumB += allocB[skip + i];
            allocMaxB = Math.max(allocMaxB, allocB[skip + i]);
            if (gcs[skip + i] > 0) {
                gcFrames++;
                gcCount += gcs[skip + i];
            } else if (w[i] - c[i] > WAIT_NANOS) {
                waited++;
            }
        }
        long gcMs = gcMillis[n - 1] - (skip > 0 ? gcMillis[skip - 1] : 0);
        out.printf(Locale.ROOT, "  %-16s %12s %12s %12s %12s %12s %10s %12s%n", "", "wall p50 us", "wall p99 us",
                "wall max us", "cpu p50 us", "cpu p99 us", "frames/s", "frames/cpu-s");
        line(out, partA, wA, cA);
        line(out, partB, wB, cB);
        line(out, "both", w, c);
        out.printf(Locale.ROOT, "  heap allocated per frame: %s %.0f bytes, %s %.0f bytes (at most %d in one frame)%n",
                partA, allocSumA / (double) m, partB, allocSumB / (double) m, allocMaxB);
        out.printf(Locale.ROOT, "  garbage collections inside timed frames: %d, touching %d frames (collections in the timed"
                + " stretch, between frames included: %d ms)%n", gcCount, gcFrames, gcMs);
        out.printf(Locale.ROOT, "  frames that waited > %.1f ms for the core (other processes, JIT threads): %d of %d"
                + " (%.2f %%)%n", WAIT_NANOS / 1e6, waited, m, 100.0 * waited / m);
        out.println("  wall = what the frame took; cpu = this thread's own CPU time, i.e. the cost on a core"
                + " of its own (no waiting for other processes, no GC pause); frames/s over the frames' wall time,"
                + " frames/cpu-s over their CPU time (what a core of its own would keep up with)");
    }

    /** Every frame's figures, one row per frame, for a closer look at the slow ones. */
    public void writeCsv(java.nio.file.Path file) throws java.io.IOException {
        try (PrintWriter w = new PrintWriter(java.nio.file.Files.newBufferedWriter(file))) {
            w.println("frame,wall_a_ns,cpu_a_ns,alloc_a,wall_b_ns,cpu_b_ns,alloc_b,gcs");
            for (int i = 0; i < n; i++) {
                w.printf(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d%n", i, wallA[i], cpuA[i], allocA[i], wallB[i], cpuB[i],
                        allocB[i], gcs[i]);
            }
        }
    }

    private static void line(PrintWriter out, String what, long[] wall, long[] cpu) {
        long total = 0;
        long totalCpu = 0;
        for (int i = 0; i < wall.length; i++) {
            total += wall[i];
            totalCpu += cpu[i];
        }
        long[] ws = wall.clone();
        long[] cs = cpu.clone();
        Arrays.sort(ws);
        Arrays.sort(cs);
        out.printf(Locale.ROOT, "  %-16s %12.1f %12.1f %12.1f %12.1f %12.1f %10.0f %12.0f%n", what,
                pct(ws, 50) / 1e3, pct(ws, 99) / 1e3, ws[ws.length - 1] / 1e3, pct(cs, 50) / 1e3,
                pct(cs, 99) / 1e3, ws.length / (total / 1e9), cs.length / (totalCpu / 1e9));
    }

    /** The {@code p}-th percentile of sorted values, by nearest rank (p50 of 100 values is the 50th smallest). */
    public static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
