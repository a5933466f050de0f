package truce.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.RealClip;
import truce.source.SourceEvent;

/**
 * The hot path allocates nothing per frame it could avoid. On the demo clip: the chain's heap allocation stays
 * at its small result records, and reading the MP4 keeps JavaCPP's live native allocations where they were (a
 * converter or a frame made per frame would show here long before it showed as resident memory in a soak).
 */
class HotPathAllocationTest {
    /** The result records (FrameFeatures and two AnimalFeatures) take ~370 bytes; a per-frame array would not fit. */
    private static final long MAX_BYTES_PER_FRAME = 1024;
    private static final int WARM_UP = 30;
    private static final int TIMED = 200;

    @Test
    void theChainAndTheMp4SourceAllocateNothingPerFrameButResults() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path video = RealClip.root().resolve("samples/footage/demo/session.mp4");
        assertTrue(Files.exists(video), "demo clip missing: " + video);
        try (FrameSource source = FrameSources.open(video.toString(), FrameSources.Options.DEFAULT,
                SourceEvent.Listener.NONE); Frame frame = new Frame();
             FrameProcessor p = new FrameProcessor(VisionSettings.defaults())) {
            assertTrue(source.read(frame));
            p.seed(List.of(frame.bgr())); // a seeded background skips the start-up sampling, which copies frames
            long count = 0;
            long nativeBytes = 0;
            long heapBytes = 0;
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                assertTrue(source.read(frame));
                if (i == WARM_UP) {
                    count = Pointer.totalCount();
                    nativeBytes = Pointer.totalBytes();
                }
                long a0 = threads.getCurrentThreadAllocatedBytes();
                p.process(frame);
                long a1 = threads.getCurrentThreadAllocatedBytes();
                if (i >= WARM_UP) {
                    heapBytes += a1 - a0;
                }
            }
            double perFrame = heapBytes / (double) TIMED;
            assertTrue(perFrame <= MAX_BYTES_PER_FRAME, "the chain allocated " + perFrame + " bytes per frame");
            assertEquals(count, Pointer.totalCount(), "JavaCPP allocations alive after " + TIMED + " more frames");
            assertEquals(nativeBytes, Pointer.totalBytes(), "JavaCPP bytes alive after " + TIMED + " more frames");
        }
    }
}
