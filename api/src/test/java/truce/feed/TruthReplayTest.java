package truce.feed;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import truce.source.Frame;
import truce.source.FrameSource;

class TruthReplayTest {

    /** A source that only remembers whether it was closed. */
    private static final class ClosableSource implements FrameSource {
        boolean closed;

        @Override
        public boolean read(Frame into) {
            return false;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public boolean live() {
            return false;
        }

        @Override
        public double fps() {
            return 30;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void anUnreadableTruthFileClosesTheSourceItWasHanded(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.truth.csv");
        Files.writeString(csv, "not,the,contract\n1,2,3\n");
        ClosableSource source = new ClosableSource();
        assertThrows(Exception.class, () -> new TruthReplay("cam0", source, csv, 100, false));
        assertTrue(source.closed, "the source must be closed when the truth CSV cannot be read");

        ClosableSource missing = new ClosableSource();
        assertThrows(IOException.class, () -> new TruthReplay("cam0", missing, dir.resolve("absent.csv"), 100, false));
        assertTrue(missing.closed);
    }
}
