package truce.feed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import truce.behaviour.CatPosture;
import truce.behaviour.RatState;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.video.Mp4Writer;

/**
 * A small scripted clip with its truth CSV, for driving `serve` end to end in tests: both animals in view and
 * calm, then the cat stalks, lunges at 5 s, the rat flees, and all is calm again until the end.
 */
public final class SyntheticClip {
    public static final int W = 320;
    public static final int H = 240;
    public static final double FPS = 20;

    private SyntheticClip() {
    }

    public static List<FrameRow> script(double seconds) {
        List<FrameRow> rows = new ArrayList<>();
        int n = (int) Math.round(seconds * FPS);
        for (int i = 0; i < n; i++) {
            double t = i * 1000.0 / FPS;
            double s = t / 1000.0;
            CatPosture cat = s < 3 ? CatPosture.CALM : s < 5 ? CatPosture.STALKING : s < 5.3 ? CatPosture.LUNGING : CatPosture.CALM;
            RatState rat = s >= 5.1 && s < 6 ? RatState.FLEEING : RatState.EXPLORING;
            double catX = 60 + (s >= 3 && s < 5.3 ? (s - 3) * 30 : s >= 5.3 ? 69 : 0);
            double ratX = 250 + (rat == RatState.FLEEING ? (s - 5.1) * 40 : s >= 6 ? 36 : 0);
            rows.add(new FrameRow(i, t, cat, rat, catX, 120, Math.min(ratX, 300), 120, true, true));
        }
        return rows;
    }

    /** Paints a frame of the script into a W x H BGR Mat. */
    public static void draw(Mat m, FrameRow r) {
        m.setTo(new Scalar(200, 200, 200));
        Imgproc.ellipse(m, new Point(r.catX(), r.catY()), new org.opencv.core.Size(28, 10), 0, 0, 360, new Scalar(40, 40, 40), -1);
        Imgproc.circle(m, new Point(r.ratX(), r.ratY()), 8, new Scalar(90, 60, 30), -1);
    }

    /** Writes clip.mp4 and clip.truth.csv into dir; returns the video. */
    public static Path write(Path dir, double seconds) throws IOException {
        Path video = dir.resolve("clip.mp4");
        List<FrameRow> rows = script(seconds);
        Mat m = new Mat(H, W, CvType.CV_8UC3);
        try (Mp4Writer w = new Mp4Writer(video, Mp4Writer.Options.clip(W, H, FPS))) {
            for (FrameRow r : rows) {
                draw(m, r);
                w.write(m);
            }
        } finally {
            m.release();
        }
        FrameCsv.writeAll(dir.resolve("clip.truth.csv"), rows);
        return video;
    }

    public static void main(String[] args) throws IOException {
        truce.source.Natives.load();
        Path dir = Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        System.out.println(write(dir, args.length > 1 ? Double.parseDouble(args[1]) : 12));
    }
}
