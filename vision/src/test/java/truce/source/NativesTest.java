package truce.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library folders a killed JVM leaves in the temporary directory are cleaned once they are stale. */
class NativesTest {
    @Test
    void aKilledJvmsUnpackedLibraryIsRemovedOnceStaleAndAFreshOneKept(@TempDir Path tmp) throws Exception {
        Instant now = Instant.parse("2026-11-27T21:00:00Z");
        Path stale = unpacked(tmp, "opencv_openpnp111", now.minus(Duration.ofHours(3)));
        Path fresh = unpacked(tmp, "opencv_openpnp222", now.minus(Duration.ofMinutes(2)));
        Path other = Files.createDirectory(tmp.resolve("not_opencv"));
        Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(3))));

        assertEquals(1, Natives.removeStaleUnpacked(tmp, now));
        assertFalse(Files.exists(stale), "a folder three hours old is stale");
        assertTrue(Files.exists(fresh.resolve("nu/pattern/opencv/linux/x86_64/libopencv_java490.so")),
                "a folder another JVM is unpacking into now stays whole");
        assertTrue(Files.exists(other), "only openpnp's folders are touched");
    }

    @Test
    void aMissingTemporaryDirectoryCleansNothing(@TempDir Path tmp) {
        assertEquals(0, Natives.removeStaleUnpacked(tmp.resolve("gone"), Instant.now()));
    }

    /** A folder laid out as openpnp unpacks it, last modified at {@code when}. */
    private static Path unpacked(Path tmp, String name, Instant when) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Path lib = dir.resolve("nu/pattern/opencv/linux/x86_64/libopencv_java490.so");
        Files.createDirectories(lib.getParent());
        Files.write(lib, new byte[1024]);
        Files.setLastModifiedTime(dir, FileTime.from(when));
        return dir;
    }
}
