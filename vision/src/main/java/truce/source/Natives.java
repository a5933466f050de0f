package truce.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** Loads OpenCV's native library once per JVM (idempotent, thread-safe). */
public final class Natives {
    /** Prefix of the folder the openpnp build unpacks its library into, under the temporary directory. */
    static final String UNPACKED_PREFIX = "opencv_openpnp";
    /** Age past which another JVM's unpacked folder is stale: that JVM loaded its library long ago, or died. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static volatile boolean loaded;

    private Natives() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (Natives.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                    removeStaleUnpacked(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
                }
            }
        }
    }

    /**
     * Deletes the folders (about 63 MB each) that JVMs killed without running their shutdown hooks left behind:
     * openpnp deletes its folder only on a clean exit, so every crash, kill or CI timeout left one. Only folders
     * older than {@link #STALE_AFTER} go: a JVM unpacking now is not disturbed, and one that loaded its library
     * from an older folder keeps it mapped (on Linux a deleted file stays readable to whoever has it open).
     * Failures are ignored: a folder still in use elsewhere stays. openpnp does the same itself only on Windows
     * ({@code deleteOldInstancesOnStart}); its Linux shutdown hook checks that its folder still exists, so a long-lived
     * JVM whose folder went here still exits cleanly.
     *
     * @return how many folders were removed
     */
    static int removeStaleUnpacked(Path tmp, Instant now) {
        Instant cutoff = now.minus(STALE_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, UNPACKED_PREFIX + "*")) {
            for (Path dir : dirs) {
                if (modifiedBefore(dir, cutoff) && deleteTree(dir)) {
                    removed++;
                }
            }
        } catch (IOException | SecurityException e) {
            // a temporary directory we cannot list: nothing to clean
        }
        return removed;
    }

    /** Whether {@code dir} is a folder last modified before {@code cutoff}; false for one gone meanwhile. */
    private static boolean modifiedBefore(Path dir, Instant cutoff) {
        try {
            // another JVM starting at the same moment may be cleaning the same folders: one it removed is skipped,
            // the rest are still looked at
            return Files.isDirectory(dir) && Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
