package truce.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;

class MemoryMapTest {

    @Test
    void heapRangeComesFromG1AndSerialHeapInfo() {
        String g1 = """
                 garbage-first heap   total 397312K, used 17408K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 5 young (20480K), 0 survivors (0K)
                 Metaspace       used 9000K, committed 9216K, reserved 1114112K
                """;
        assertArrayEquals(new long[] {0x687400000L, 0x800000000L}, MemoryMap.heapRange(g1));
        String serial = """
                 def new generation   total 4928K, used 1K [0x00000000e0000000, 0x00000000e0550000, 0x00000000eaaa0000)
                  eden space 4416K,   0% used [0x00000000e0000000, 0x00000000e0000400, 0x00000000e0450000)
                 tenured generation   total 10944K, used 0K [0x00000000eaaa0000, 0x00000000eb550000, 0x0000000100000000)
                """;
        assertArrayEquals(new long[] {0xe0000000L, 0x100000000L}, MemoryMap.heapRange(serial));
        assertNull(MemoryMap.heapRange("no ranges here"));
    }

    @Test
    void aNativeBufferCountsAsNativeNotHeap() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc");
        long[] range = MemoryMap.heapRange();
        assertNotNull(range, "the JVM's heap range");
        MemoryMap before = MemoryMap.read(range);
        assertEquals(before.totalKb(), before.heapKb() + before.mallocKb() + before.otherAnonKb() + before.fileKb());
        assertTrue(before.fileKb() > 1024, "libraries and the jar are mapped files");
        long size = 64L << 20;
        try (BytePointer buffer = new BytePointer(size)) {
            buffer.fill(1); // resident only once written
            MemoryMap during = MemoryMap.read(range);
            MemoryMap grew = during.minus(before);
            assertTrue(grew.nativeKb() >= 60 * 1024, "64 MB malloc'ed and written shows as native: " + grew);
            assertTrue(Math.abs(grew.heapKb()) < 16 * 1024, "and not as Java heap: " + grew);
        }
    }
}
