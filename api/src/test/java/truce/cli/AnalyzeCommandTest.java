package truce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import truce.behaviour.RatState;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;

class AnalyzeCommandTest {
    @TempDir
    Path tmp;

    static Path realClip(String ext) {
        String prop = System.getProperty("maven.multiModuleProjectDirectory");
        Path root = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent();
        Path inRepo = root.resolve("samples/footage/openfield-mouse/m3v1mp4." + ext);
        return Files.isRegularFile(inRepo) ? inRepo
                : root.resolve("../shared/realdata/openfield-mouse/m3v1mp4." + ext).normalize();
    }

    private int run(StringWriter err, String... args) {
        CommandLine cl = Truce.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void csvStartsWithExactlyTheTenContractColumnsAndEveryFrameIsARow() throws IOException {
        Path avi = realClip("avi");
        Path csv = tmp.resolve("out.csv");
        StringWriter err = new StringWriter();
        int code = run(err, "analyze", avi.toString(), "--csv", csv.toString(), "--view-width-cm", "50", "--no-progress");
        assertEquals(0, code, err.toString());
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        assertTrue(header.startsWith(FrameCsv.HEADER + ","), header);
        assertEquals(FrameCsv.CONTRACT_COLUMNS, List.of(header.split(",")).subList(0, 10));
        assertTrue(header.contains("rat_speed_cm_s"), "centimetre columns when the scale is known: " + header);
        List<FrameRow> rows = FrameCsv.readRows(csv);
        assertEquals(2330, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FrameRow r = rows.get(i);
            assertEquals(i, r.frame());
            assertTrue(r.ratVisible(), "the mouse is the rat in frame " + i);
            assertTrue(!r.catVisible() && r.catPosture() == null, "no cat in frame " + i);
            // issue #4: a rodent in plain view is exploring or fleeing, never hiding (the behaviour model's labels)
            assertTrue(r.ratState() == RatState.EXPLORING || r.ratState() == RatState.FLEEING,
                    "the mouse in plain view is " + r.ratState() + " in frame " + i);
        }
    }

    @Test
    void aTruncatedFileIsAnalysedUpToTheDamageThenExitsWithAClearError() throws IOException {
        Path avi = realClip("avi");
        Path cut = tmp.resolve("cut.avi");
        try (InputStream in = Files.newInputStream(avi); OutputStream out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(avi) / 5)));
        }
        Path csv = tmp.resolve("cut.csv");
        Path mp4 = tmp.resolve("cut.mp4");
        StringWriter err = new StringWriter();
        int code = run(err, "analyze", cut.toString(), "--csv", csv.toString(), "--annotated", mp4.toString(),
                "--no-progress");
        assertEquals(2, code, "non-zero exit on a damaged file");
        assertTrue(err.toString().contains("truncated"), err.toString());
        List<FrameRow> rows = FrameCsv.readRows(csv);
        assertTrue(rows.size() > 300, "the good frames were analysed and written: " + rows.size());
        assertEquals(rows.size() - 1, rows.get(rows.size() - 1).frame());
        assertTrue(err.toString().contains("wrote " + rows.size() + " analysed frames"), err.toString());
        assertTrue(Files.size(mp4) > 10_000, "the annotated video of the good frames is kept");
    }

    @Test
    void aMissingFileIsAClearErrorAndStillLeavesAValidEmptyCsv() throws IOException {
        Path csv = tmp.resolve("none.csv");
        StringWriter err = new StringWriter();
        int code = run(err, "analyze", tmp.resolve("nope.mp4").toString(), "--csv", csv.toString(), "--no-progress");
        assertEquals(2, code);
        assertTrue(err.toString().contains("no such file"), err.toString());
        assertEquals(FrameCsv.HEADER, Files.readAllLines(csv).get(0));
    }

    @Test
    void theClassifierIsAConstructorArgument() throws IOException {
        Path csv = tmp.resolve("fixed.csv");
        AnalyzeCommand cmd = new AnalyzeCommand(() -> new truce.classify.BehaviourClassifier() {
            @Override
            public truce.classify.Labels classify(truce.features.FrameFeatures frame) {
                return new truce.classify.Labels(null, truce.behaviour.RatState.FLEEING, new float[3], new float[3]);
            }

            @Override
            public void reset() {
            }
        });
        CommandLine cl = new CommandLine(cmd);
        int code = cl.execute(realClip("mp4").toString(), "--csv", csv.toString(), "--no-progress");
        assertEquals(0, code);
        assertTrue(FrameCsv.readRows(csv).stream().allMatch(r -> r.ratState() == truce.behaviour.RatState.FLEEING));
    }
}
