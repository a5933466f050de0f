package truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine;

/**
 * {@code truce inspect}: pictures of what vision saw in chosen frames of a generated scene (its truth lies beside
 * it), a line a blob on standard output, and a clear error, after the frames it could picture, for a frame past
 * the end.
 */
class InspectCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Truce.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path scene() {
        Path dir = tmp.resolve("scenes");
        Run g = run("generate", "--out", dir.toString(), "--scenes", "1", "--seconds", "1", "--width", "320",
                "--height", "240", "--seed", "7");
        assertEquals(0, g.code(), g.err());
        return dir.resolve("scene-00.avi");
    }

    @Test
    void picturesEachChosenFrameAndItsMaskAndListsTheBlobs() {
        Path video = scene();
        Path out = tmp.resolve("pictures");
        Run r = run("inspect", video.toString(), "--frames", "5,20", "--out", out.toString(), "--zones",
                video.resolveSibling("scene-00.zones.json").toString());
        assertEquals(0, r.code(), r.err());
        for (String name : new String[] {"frame-000005.png", "mask-000005.png", "frame-000020.png", "mask-000020.png"}) {
            Mat m = Imgcodecs.imread(out.resolve(name).toString());
            try {
                assertEquals(320, m.cols(), name);
                assertEquals(240, m.rows(), name);
            } finally {
                m.release();
            }
        }
        assertFalse(Files.exists(out.resolve("frame-000006.png")), "only the frames asked for");
        assertTrue(r.out().contains("frame 20: cat "), r.out());
        assertTrue(r.out().matches("(?s).*  blob 0 at \\(\\d+, \\d+\\): \\d+ cm2, contrast \\d+.*"), r.out());
    }

    @Test
    void aFramePastTheEndIsAClearErrorAfterTheOthersArePictured() {
        Path video = scene();
        Path out = tmp.resolve("pictures");
        Run r = run("inspect", video.toString(), "--frames", "3,500", "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("has 30 frames (0-29)") && r.err().contains("pictured 1 of the 2"), r.err());
        assertTrue(Files.exists(out.resolve("frame-000003.png")), "the frame it had is pictured");
    }

    @Test
    void aMissingVideoOrANegativeFrameIsRefused() {
        Path out = tmp.resolve("pictures");
        Run missing = run("inspect", tmp.resolve("none.avi").toString(), "--frames", "1", "--out", out.toString());
        assertTrue(missing.code() != 0 && missing.err().contains("no such file"), missing.err());
        Run negative = run("inspect", tmp.resolve("none.avi").toString(), "--frames", "-1", "--out", out.toString());
        assertTrue(negative.code() != 0 && negative.err().contains("count from 0"), negative.err());
    }
}
