package truce.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import truce.classify.BehaviourClassifier;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.pipeline.FrameProcessor;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.OpenCvFileSource;
import truce.source.SourceEvent;
import truce.source.SourceException;
import truce.pipeline.VisionSettings;

/**
 * Runs the whole chain (with MJPG decode, as a camera stream would) for a number of minutes and prints heap
 * and resident memory as it goes, the latter split by where it lives ({@link MemoryMap}): a leak of native Mats
 * shows as native memory that climbs in every interval, while the collector touching more of its heap shows
 * only in the heap's part. Frames come through
 * the real file source into one reused {@link Frame}, as in {@code analyze} and the live loop (a per-frame
 * {@code imdecode} would itself leave a native Mat per frame to the garbage collector and blur the figure).
 */
public final class Soak {
    private final int width;
    private final int height;
    private final PrintWriter out;
    /** Labels every frame too when not null (the behaviour model's native tensors soaked with vision's Mats). */
    private final BehaviourClassifier classifier;

    /**
     * A soak of the chain, and of {@code classifier} after it (null: vision alone), fed each frame's pixels as the
     * live loop feeds them.
     */
    public Soak(int width, int height, PrintWriter out, BehaviourClassifier classifier) {
        this.width = width;
        this.height = height;
        this.out = out;
        this.classifier = classifier;
    }

    /** @return RSS growth in kB from the first report after warm-up to the last */
    public long run(double minutes, double reportSeconds) {
        long growth;
        java.nio.file.Path avi;
        FloorMap floor;
        try (BenchFootage footage = new BenchFootage(width, height, 300)) {
            avi = java.nio.file.Files.createTempFile("truce-soak", ".avi");
            footage.writeAvi(avi, 30);
            floor = footage.floor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Writing the clip leaves a few hundred MB free in the C allocator's arenas (one frame is ~1 MB at
        // 640x480); handed back here, so the run starts from what the pipeline itself needs.
        giveBack("set-up: the clip's synthesis left free in the C allocator");
        long[] heapRange = MemoryMap.heapRange();
        List<MemoryMap> maps = new ArrayList<>();
        try (FrameProcessor p = new FrameProcessor(VisionSettings.of(floor)); Frame frame = new Frame()) {
            FrameSource source = new OpenCvFileSource(avi, SourceEvent.Listener.NONE);
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextReport = start + (long) (reportSeconds * 1e9);
            long frames = 0;
            long lastFrames = 0;
            long lastT = start;
            out.printf("soak %dx%d for %.1f min: chain with MJPG decode%s, one stream; resident memory in MB, split by"
                    + " where it lives (/proc/self/smaps)%n", width, height, minutes,
                    classifier == null ? "" : " and the behaviour model");
            out.printf("%7s %9s %6s %7s %8s %8s | %8s %8s %8s %8s %8s%n", "time_s", "frames", "fps", "B/frame",
                    "heap_use", "heap_com", "rss", "java_hp", "malloc", "anon", "files");
            long lastAlloc = allocated();
            while (System.nanoTime() < end) {
                if (!source.read(frame)) {
                    source.close(); // the clip's end: start it again (once per 300 frames)
                    source = new OpenCvFileSource(avi, SourceEvent.Listener.NONE);
                    continue;
                }
                FrameFeatures f = p.process(frame.bgr(), frames, frames * 1000 / 30.0);
                if (classifier != null) {
                    classifier.classify(f, frame.bgr());
                }
                frames++;
                long now = System.nanoTime();
                if (now >= nextReport) {
                    long alloc = allocated();
                    Runtime rt = Runtime.getRuntime();
                    MemoryMap m = MemoryMap.read(heapRange);
                    if (m != null) {
                        maps.add(m);
                        out.printf(Locale.ROOT, "%7.0f %9d %6.0f %7.0f %8.1f %8.1f | %8.1f %8.1f %8.1f %8.1f %8.1f%n",
                                (now - start) / 1e9, frames, (frames - lastFrames) / ((now - lastT) / 1e9),
                                (alloc - lastAlloc) / (double) Math.max(1, frames - lastFrames),
                                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.totalMemory() / 1e6,
                                m.totalKb() / 1024.0, m.heapKb() / 1024.0, m.mallocKb() / 1024.0,
                                m.otherAnonKb() / 1024.0, m.fileKb() / 1024.0);
                        out.flush();
                    }
                    lastFrames = frames;
                    lastT = now;
                    lastAlloc = allocated();
                    nextReport += (long) (reportSeconds * 1e9);
                }
            }
            source.close();
            growth = maps.size() < 2 ? 0 : maps.get(maps.size() - 1).totalKb() - maps.get(0).totalKb();
            out.printf("frames %d%n", frames);
            summary(maps, heapRange != null);
        } catch (SourceException e) {
            throw new IllegalStateException("the soak's own clip could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            try {
                Files.deleteIfExists(avi);
            } catch (IOException ignored) {
                // a temp file
            }
        }
        return growth;
    }

    /**
     * Growth over the whole run and over its second half, apart for the Java heap and for native memory: a leak
     * keeps growing in the second half, while the collector touching more of its heap and the C allocator
     * filling its arenas level off. Then the C allocator is asked to give back what it holds free
     * ({@code malloc_trim}): what it returns was cached by the allocator, not held by our code.
     */
    private void summary(List<MemoryMap> maps, boolean heapKnown) {
        if (maps.size() < 3) {
            out.println("too short for a memory verdict: run at least three report intervals");
            out.flush();
            return;
        }
        MemoryMap first = maps.get(0);
        MemoryMap mid = maps.get(maps.size() / 2);
        MemoryMap last = maps.get(maps.size() - 1);
        MemoryMap all = last.minus(first);
        MemoryMap late = last.minus(mid);
        out.printf(Locale.ROOT, "growth, MB:          %8s %8s %8s %8s %8s%n", "rss", "java_hp", "native",
                "(malloc", "anon)");
        row("  first to last", all);
        row("  second half", late);
        if (!heapKnown) {
            out.println("  (the Java heap's address range was not available: it is counted as anon)");
        }
        giveBack("at the end: the C allocator held free");
        // A leak grows in every interval; the allocator taking a new chunk, or the JIT adding code, is a step.
        int steps = 0;
        int intervals = 0;
        for (int i = maps.size() / 2 + 1; i < maps.size(); i++) {
            intervals++;
            if (maps.get(i).nativeKb() - maps.get(i - 1).nativeKb() > 512) {
                steps++;
            }
        }
        String verdict;
        if (late.nativeKb() <= 1024) {
            verdict = "flat";
        } else if (steps <= 1) {
            verdict = "flat but for one step (the allocator or the JIT taking a new chunk; a leak grows every interval)";
        } else {
            verdict = "GROWING in " + steps + " of " + intervals + " intervals: look for a leak";
        }
        out.printf(Locale.ROOT, "verdict: native memory in the second half %+.1f MB, %s; Java heap %+.1f MB (the"
                + " collector touching more of its committed heap until it has cycled through it)%n",
                late.nativeKb() / 1024.0, verdict, late.heapKb() / 1024.0);
        out.flush();
    }

    /** Asks the C allocator to hand back the memory it holds free ({@code malloc_trim}) and prints how much. */
    private void giveBack(String what) {
        MemoryMap before = MemoryMap.read(null);
        boolean trimmed = Pointer.trimMemory();
        MemoryMap after = MemoryMap.read(null);
        if (trimmed && before != null && after != null) {
            out.printf(Locale.ROOT, "%s %.1f MB; malloc_trim gave it back (rss %.1f -> %.1f MB)%n", what,
                    (before.totalKb() - after.totalKb()) / 1024.0, before.totalKb() / 1024.0, after.totalKb() / 1024.0);
        }
    }

    private void row(String label, MemoryMap d) {
        out.printf(Locale.ROOT, "%-20s %+8.1f %+8.1f %+8.1f %+8.1f %+8.1f%n", label, d.totalKb() / 1024.0,
                d.heapKb() / 1024.0, d.nativeKb() / 1024.0, d.mallocKb() / 1024.0, d.otherAnonKb() / 1024.0);
    }

    /** Heap bytes this thread has allocated so far (the report's own allocations are left out by the caller). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
