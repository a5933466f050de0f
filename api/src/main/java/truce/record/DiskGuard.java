package truce.record;

import java.io.File;
import java.nio.file.Path;

/** Says when the data disk is too full to keep recording (checked at most once a second). */
public final class DiskGuard {
    private final File dir;
    private final long minFreeBytes;
    private long lastCheckNanos;
    private boolean full;

    public DiskGuard(Path dir, long minFreeBytes) {
        this.dir = dir.toFile();
        this.minFreeBytes = minFreeBytes;
    }

    public boolean full() {
        long now = System.nanoTime();
        if (lastCheckNanos == 0 || now - lastCheckNanos > 1_000_000_000L) {
            lastCheckNanos = now;
            full = dir.getUsableSpace() < minFreeBytes;
        }
        return full;
    }

    public long minFreeBytes() {
        return minFreeBytes;
    }
}
