package truce.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.service.Settings;
import truce.store.MediaStore;

/**
 * Deletes recorded segments older than the retention's days, then the oldest ones while all of them exceed its
 * gigabytes. Only recordings: highlight clips live elsewhere and are never touched. Segments still being written
 * (no end yet, of a live session) are kept.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private final Path dataDir;
    private final MediaStore media;
    private final Supplier<Settings.Retention> policy;
    private final Supplier<Set<Long>> liveSessions;

    public Retention(Path dataDir, MediaStore media, Supplier<Settings.Retention> policy, Supplier<Set<Long>> liveSessions) {
        this.dataDir = dataDir;
        this.media = media;
        this.policy = policy;
        this.liveSessions = liveSessions;
    }

    /** Applies the policy once; returns the number of segments deleted. */
    public int apply() {
        Settings.Retention p = policy.get();
        Set<Long> live = liveSessions.get();
        List<MediaStore.Segment> all = media.allSegments();
        Instant cutoff = Instant.now().minusSeconds((long) (p.days() * 86400));
        long total = 0;
        for (MediaStore.Segment s : all) {
            total += size(s);
        }
        long budget = (long) (p.gigabytes() * 1e9);
        int deleted = 0;
        for (MediaStore.Segment s : all) { // oldest first
            boolean writing = s.sessionId() != null && live.contains(s.sessionId());
            if (writing) {
                continue;
            }
            if (s.createdAt().isBefore(cutoff) || total > budget) {
                long size = size(s);
                try {
                    Files.deleteIfExists(dataDir.resolve(s.file()));
                    media.markSegmentDeleted(s.id());
                    total -= size;
                    deleted++;
                } catch (IOException e) {
                    LOG.warn("retention: could not delete {}: {}", s.file(), e.getMessage());
                }
            }
        }
        if (deleted > 0) {
            LOG.info("retention: deleted {} recorded segment(s)", deleted);
        }
        return deleted;
    }

    private long size(MediaStore.Segment s) {
        try {
            Path f = dataDir.resolve(s.file());
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
