package truce.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * This process's resident memory split by where it lives, read from {@code /proc/self/smaps}: the Java heap
 * (its reserved address range, as the JVM itself prints it), the C allocator's arenas (glibc's main
 * {@code [heap]} and its 64 MiB-aligned thread arenas, where OpenCV's and FFmpeg's buffers go), other
 * anonymous memory (thread stacks, metaspace, JIT code, large blocks the allocator maps on their own), and
 * mapped files (libraries, the jar). A leak of native buffers grows the arenas or the other anonymous memory;
 * the garbage collector touching more of its heap grows only the heap part.
 */
public record MemoryMap(long totalKb, long heapKb, long mallocKb, long otherAnonKb, long fileKb) {
    private static final long ARENA_ALIGN = 64L << 20;
    private static final Pattern RANGE = Pattern.compile("\\[(0x[0-9a-f]+)[^\\]]*?(0x[0-9a-f]+)\\)");

    /** The current split, or null where there is no {@code /proc/self/smaps}. */
    public static MemoryMap read(long[] heapRange) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        } catch (IOException e) {
            return null;
        }
        long total = 0;
        long heap = 0;
        long malloc = 0;
        long other = 0;
        long file = 0;
        int kind = 0; // 1 heap, 2 malloc, 3 other anonymous, 4 file
        for (String line : lines) {
            int dash = line.indexOf('-');
            if (dash > 0 && dash < 17 && isHex(line, dash)) {
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                String[] f = line.trim().split("\\s+", 6);
                String name = f.length == 6 ? f[5] : "";
                if (heapRange != null && start >= heapRange[0] && start < heapRange[1]) {
                    kind = 1;
                } else if (name.equals("[heap]") || (name.isEmpty() && start % ARENA_ALIGN == 0)) {
                    kind = 2;
                } else if (name.isEmpty() || name.startsWith("[")) {
                    kind = 3;
                } else {
                    kind = 4;
                }
            } else if (line.startsWith("Rss:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                total += kb;
                switch (kind) {
                    case 1 -> heap += kb;
                    case 2 -> malloc += kb;
                    case 4 -> file += kb;
                    default -> other += kb;
                }
            }
        }
        return new MemoryMap(total, heap, malloc, other, file);
    }

    private static boolean isHex(String line, int dash) {
        for (int i = 0; i < dash; i++) {
            if (Character.digit(line.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Java heap's reserved address range [start, end), from the JVM's own {@code GC.heap_info}, or null
     * when it cannot be had (then the heap counts as other anonymous memory).
     */
    public static long[] heapRange() {
        try {
            Object info = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return heapRange(String.valueOf(info));
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    /** The lowest start and highest end of the address ranges printed by {@code GC.heap_info}. */
    static long[] heapRange(String heapInfo) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        Matcher m = RANGE.matcher(heapInfo);
        while (m.find()) {
            lo = Math.min(lo, Long.parseUnsignedLong(m.group(1).substring(2), 16));
            hi = Math.max(hi, Long.parseUnsignedLong(m.group(2).substring(2), 16));
        }
        return lo < hi ? new long[] {lo, hi} : null;
    }

    public MemoryMap minus(MemoryMap o) {
        return new MemoryMap(totalKb - o.totalKb, heapKb - o.heapKb, mallocKb - o.mallocKb,
                otherAnonKb - o.otherAnonKb, fileKb - o.fileKb);
    }

    /** Native memory: everything resident that is neither the Java heap nor a mapped file. */
    public long nativeKb() {
        return mallocKb + otherAnonKb;
    }
}
