package truce.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import truce.framecsv.FrameCsv;
import truce.samples.scene.SceneOptions;

class GenerateCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Truce.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheFilesOfEveryScene(@TempDir Path dir) throws Exception {
        Run r = run("generate", "--out", dir.toString(), "--scenes", "2", "--seconds", "1", "--width", "160", "--height", "120",
                "--seed", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("60 frames"), r.out());
        for (String scene : List.of("scene-00", "scene-01")) {
            for (String ext : List.of(".avi", ".truth.csv", ".zones.json", ".info.json")) {
                assertTrue(Files.size(dir.resolve(scene + ext)) > 0, scene + ext);
            }
            assertEquals(30, FrameCsv.readRows(dir.resolve(scene + ".truth.csv")).size());
        }
    }

    @Test
    void theRecordedCommandRegeneratesTheSameSet(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Run first = run("generate", "--out", a.toString(), "--scenes", "1", "--seconds", "0.5", "--width", "160", "--height",
                "120", "--seed", "9", "--barrier", "all", "--no-distractors");
        assertEquals(0, first.code(), first.err());
        SceneOptions recipe = SceneOptions.recipe(a).orElseThrow();
        Path b = dir.resolve("b");
        String[] again = recipe.command(b.toString()).split(" ");
        assertEquals("truce", again[0]);
        Run second = run(Arrays.copyOfRange(again, 1, again.length));
        assertEquals(0, second.code(), second.err());
        assertEquals(recipe, SceneOptions.recipe(b).orElseThrow());
        assertArrayEquals(Files.readAllBytes(a.resolve("scene-00.truth.csv")), Files.readAllBytes(b.resolve("scene-00.truth.csv")));
    }

    @Test
    void badArgumentsGetAClearErrorAndNoFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        Run odd = run("generate", "--out", out.toString(), "--width", "641");
        assertEquals(2, odd.code());
        assertTrue(odd.err().contains("even"), odd.err());
        Run zero = run("generate", "--out", out.toString(), "--scenes", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("scenes"), zero.err());
        Run barrier = run("generate", "--out", out.toString(), "--barrier", "sometimes");
        assertEquals(2, barrier.code());
        assertTrue(barrier.err().contains("--barrier"), barrier.err());
        Run missing = run("generate");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--out"), missing.err());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run notADir = run("generate", "--out", file.toString(), "--seconds", "1");
        assertEquals(2, notADir.code());
        assertTrue(notADir.err().contains("not a directory"), notADir.err());
        Run notANumber = run("generate", "--out", out.toString(), "--seconds", "long");
        assertEquals(2, notANumber.code());
        assertTrue(!Files.exists(out), "nothing written on bad arguments");
    }

    @Test
    void helpDescribesTheOptions() {
        Run r = run("generate", "--help");
        assertEquals(0, r.code());
        for (String opt : List.of("--out", "--scenes", "--seconds", "--seed", "--width", "--height", "--demo")) {
            assertTrue(r.out().contains(opt), opt);
        }
    }
}
