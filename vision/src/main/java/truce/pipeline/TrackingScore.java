package truce.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import truce.features.AnimalFeatures;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.footage.Footage;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.source.Frame;
import truce.source.FrameSource;
import truce.source.FrameSources;
import truce.source.SourceEvent;

/**
 * Localisation and identity against ground truth: runs the pipeline over videos that have a
 * {@code .truth.csv} (and optionally a {@code .zones.json}) beside them, seeded as {@code analyze} seeds a
 * file, and prints per video and overall: median and p90 centroid error of cat and rat, frames found of
 * frames in view, frames reported where the animal is out of view, identity swaps (frames where the crossed
 * assignment fits better, and changes into that state). From the repository root, after packaging:
 * {@code java -cp "api/target/truce.jar:api/target/lib/*" truce.pipeline.TrackingScore VIDEO|DIR...}
 * ({@code -Dtruce.trace=N} also prints truth and tracks every N-th frame; {@code --by-situation} splits the figures by
 * what a generated scene's script shows in each frame: the owner's hand, the cat on the perch, the toy, contact).
 */
public final class TrackingScore {

    /** Figures of one or more videos. */
    public static final class Tally {
        final List<Double> catErr = new ArrayList<>();
        final List<Double> ratErr = new ArrayList<>();
        int catInView;
        int catFound;
        int catGood;
        double catDx;
        double catDy;
        int ratGood;
        int catGhost;
        int ratInView;
        int ratFound;
        int ratGhost;
        int swappedFrames;
        int swaps;
        int frames;
        /**
         * Where the rat's frames go wrong, beside the cat (within {@link #BESIDE_CAT} of the cat's reported body
         * lengths of it) or apart from it: in view but not reported, reported more than {@link #GOOD_PX} off, or
         * reported while out of view. Beside the cat it is a contact the tracker lost or held too long; apart, a
         * faint rat or a track on something else.
         */
        int ratLostBesideCat;
        int ratLostApart;
        int ratOffOnCat;
        int ratOffApart;
        int ratGhostOnCat;
        int ratGhostApart;

        private boolean wasSwapped;
        /** The same figures per situation of a generated scene's script ({@link Situations}), when asked for. */
        final Map<String, Tally> bySituation = new TreeMap<>();

        /** Scores one frame and counts it under its situation too. */
        void add(FrameRow r, FrameFeatures f, String situation) {
            add(r, f);
            bySituation.computeIfAbsent(situation, k -> new Tally()).add(r, f);
        }

        /** Scores one frame: what the pipeline saw against the truth, in source order. */
        public void add(FrameRow r, FrameFeatures f) {
            frames++;
            boolean cv = f.cat().visible();
            boolean rv = f.rat().visible();
            if (r.catVisible()) {
                catInView++;
                if (cv) {
                    catFound++;
                    double e = Math.hypot(f.cat().x() - r.catX(), f.cat().y() - r.catY());
                    catErr.add(e);
                    if (e <= GOOD_PX) {
                        catGood++;
                        catDx += f.cat().x() - r.catX();
                        catDy += f.cat().y() - r.catY();
                    }
                }
            } else if (cv) {
                catGhost++;
            }
            if (r.ratVisible()) {
                ratInView++;
                if (rv) {
                    ratFound++;
                    double e = Math.hypot(f.rat().x() - r.ratX(), f.rat().y() - r.ratY());
                    ratErr.add(e);
                    if (e <= GOOD_PX) {
                        ratGood++;
                    } else if (besideCat(f, f.rat().x(), f.rat().y())) {
                        ratOffOnCat++;
                    } else {
                        ratOffApart++;
                    }
                } else if (besideCat(f, r.ratX(), r.ratY())) {
                    ratLostBesideCat++;
                } else {
                    ratLostApart++;
                }
            } else if (rv) {
                ratGhost++;
                if (besideCat(f, f.rat().x(), f.rat().y())) {
                    ratGhostOnCat++;
                } else {
                    ratGhostApart++;
                }
            }
            if (r.catVisible() && cv && r.ratVisible() && rv) {
                // Swapped when pairing the tracks the other way round fits the truth better.
                double straight = Math.hypot(f.cat().x() - r.catX(), f.cat().y() - r.catY())
                        + Math.hypot(f.rat().x() - r.ratX(), f.rat().y() - r.ratY());
                double crossed = Math.hypot(f.cat().x() - r.ratX(), f.cat().y() - r.ratY())
                        + Math.hypot(f.rat().x() - r.catX(), f.rat().y() - r.catY());
                boolean swapped = crossed < straight;
                if (swapped) {
                    swappedFrames++;
                    if (!wasSwapped) {
                        swaps++;
                    }
                }
                wasSwapped = swapped;
            }
        }

        /** Whether (x, y) lies within {@link #BESIDE_CAT} of the cat's reported body lengths of the reported cat. */
        private static boolean besideCat(FrameFeatures f, double x, double y) {
            AnimalFeatures c = f.cat();
            return c.visible() && Math.hypot(x - c.x(), y - c.y()) < BESIDE_CAT * c.bodyLength();
        }

        void add(Tally o) {
            catErr.addAll(o.catErr);
            ratErr.addAll(o.ratErr);
            catInView += o.catInView;
            catFound += o.catFound;
            catGood += o.catGood;
            catDx += o.catDx;
            catDy += o.catDy;
            ratGood += o.ratGood;
            catGhost += o.catGhost;
            ratInView += o.ratInView;
            ratFound += o.ratFound;
            ratGhost += o.ratGhost;
            swappedFrames += o.swappedFrames;
            swaps += o.swaps;
            frames += o.frames;
            ratLostBesideCat += o.ratLostBesideCat;
            ratLostApart += o.ratLostApart;
            ratOffOnCat += o.ratOffOnCat;
            ratOffApart += o.ratOffApart;
            ratGhostOnCat += o.ratGhostOnCat;
            ratGhostApart += o.ratGhostApart;
            o.bySituation.forEach((k, v) -> bySituation.computeIfAbsent(k, x -> new Tally()).add(v));
        }

        /** Cat frames in view where it was not reported within {@link #GOOD_PX} of the truth. */
        int catMissed() {
            return catInView - catGood;
        }

        /** The per-situation lines, the situation with the most cat frames missed first. */
        List<String> situationLines() {
            List<String> out = new ArrayList<>();
            bySituation.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Tally> e) -> -e.getValue().catMissed())
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> out.add(e.getValue().line("  " + e.getKey()) + String.format(
                            "; cat missed %d", e.getValue().catMissed())));
            return out;
        }

        public double catMedian() {
            return quantile(catErr, 0.5);
        }

        public double ratMedian() {
            return quantile(ratErr, 0.5);
        }

        /** Where the rat's frames went wrong ({@link #ratLostBesideCat} and the rest), one line. */
        public String ratMissLine(String name) {
            return String.format("%-28s rat missed: in view, not reported: beside the cat %d, apart %d | over %.0f px "
                            + "off: on the cat %d, apart %d | reported while out of view: on the cat %d, apart %d",
                    name, ratLostBesideCat, ratLostApart, GOOD_PX, ratOffOnCat, ratOffApart, ratGhostOnCat,
                    ratGhostApart);
        }

        public String line(String name) {
            return String.format("%-28s cat med %5.2f p90 %6.2f found %5d (%5d within 20 px)/%5d (+%d out of "
                            + "view) | rat med %5.2f p90 %6.2f found %5d (%5d)/%5d (+%d) | swapped frames %d, swaps %d, frames %d; cat bias (%.1f, %.1f)", name,
                    quantile(catErr, 0.5), quantile(catErr, 0.9), catFound, catGood, catInView, catGhost,
                    quantile(ratErr, 0.5), quantile(ratErr, 0.9), ratFound, ratGood, ratInView, ratGhost, swappedFrames,
                    swaps, frames, catDx / Math.max(1, catGood), catDy / Math.max(1, catGood));
        }
    }

    /** A position within this many pixels of the truth counts as the animal found (not something else). */
    static final double GOOD_PX = 20;
    /** Within this many of the cat's body lengths of the cat, a rat is beside it (touching, or joined to its blob). */
    static final double BESIDE_CAT = 0.6;
    private static final int TRACE = Integer.getInteger("truce.trace", 0);

    private TrackingScore() {
    }

    static double quantile(List<Double> v, double q) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.floor(q * a.length))];
    }

    /** Scores one video whose truth CSV is {@code truth}; zones may be null. */
    public static Tally score(Path video, Path truth, Path zones) throws Exception {
        return score(video, truth, zones, null);
    }

    /**
     * The same, also split by each frame's situation ({@link Situations}) when {@code situations} is given (one per
     * frame).
     */
    static Tally score(Path video, Path truth, Path zones, List<String> situations) throws Exception {
        List<FrameRow> rows = FrameCsv.readRows(truth);
        Tally t = new Tally();
        run(video, rows, floor(zones), (r, f, p) -> {
            if (TRACE > 0 && (r.frame() + 1) % TRACE == 0) {
                System.out.printf("%5d truth cat %s (%.0f,%.0f) rat %s (%.0f,%.0f) | seen cat %s (%.0f,%.0f) a=%.0f "
                                + "rat %s (%.0f,%.0f) a=%.0f | blobs %d%n", r.frame(), r.catVisible(), r.catX(),
                        r.catY(), r.ratVisible(), r.ratX(), r.ratY(), f.cat().visible(), f.cat().x(), f.cat().y(),
                        p.tracker().cat().area(), f.rat().visible(), f.rat().x(), f.rat().y(),
                        p.tracker().rat().area(), p.blobs().count());
            }
            if (situations != null && r.frame() < situations.size()) {
                t.add(r, f, situations.get((int) r.frame()));
            } else {
                t.add(r, f);
            }
        });
        return t;
    }

    /** What a scorer does with each frame: its truth row, what the pipeline made of it, and the pipeline. */
    interface FrameScorer {
        void score(FrameRow truth, FrameFeatures seen, FrameProcessor p);
    }

    static FloorMap floor(Path zones) throws IOException {
        return zones != null && Files.exists(zones) ? FloorMap.read(zones) : FloorMap.NONE;
    }

    /** Runs the pipeline over a video, seeded as {@code analyze} seeds a file, and hands each frame to the scorer. */
    static void run(Path video, List<FrameRow> rows, FloorMap floor, FrameScorer scorer) throws Exception {
        String spec = video.toString();
        try (FrameSource source = FrameSources.open(spec, FrameSources.Options.DEFAULT, SourceEvent.Listener.NONE);
             Frame frame = new Frame();
             FrameProcessor p = new FrameProcessor(VisionSettings.of(floor))) {
            p.seedFromFile(spec, source.frameCount() > 0 ? source.frameCount() : rows.size());
            int i = 0;
            while (source.read(frame) && i < rows.size()) {
                FrameRow r = rows.get(i++);
                scorer.score(r, p.process(frame), p);
            }
        }
    }

    /** The videos with a truth CSV beside them among the arguments (videos, or directories of them). */
    static List<Path> videos(String[] args) throws IOException {
        List<Path> videos = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(v -> v.toString().endsWith(".avi") || v.toString().endsWith(".mp4"))
                            .filter(v -> Files.exists(Footage.beside(v, ".truth.csv"))).sorted().forEach(videos::add);
                }
            } else {
                videos.add(p);
            }
        }
        return videos;
    }

    /** Splits the figures by situation as well (generated scenes only). */
    static final String BY_SITUATION = "--by-situation";

    public static void main(String[] args) throws Exception {
        boolean bySituation = Arrays.asList(args).contains(BY_SITUATION);
        List<Path> videos = videos(Arrays.stream(args).filter(a -> !a.equals(BY_SITUATION)).toArray(String[]::new));
        Tally all = new Tally();
        for (Path v : videos) {
            long t0 = System.nanoTime();
            List<String> situations = null;
            if (bySituation) {
                situations = Situations.of(v).orElse(null);
                if (situations == null) {
                    System.out.println(v.getFileName() + ": its script cannot be replayed (no generate.json and "
                            + ".info.json beside it, or they describe another scene); not split by situation");
                }
            }
            Tally t = score(v, Footage.beside(v, ".truth.csv"), Footage.beside(v, ".zones.json"), situations);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.println(t.line(v.getFileName().toString()) + String.format(" (%.1f s)", s));
            all.add(t);
        }
        if (videos.size() > 1) {
            System.out.println(all.line("ALL"));
        }
        System.out.println(all.ratMissLine(videos.size() > 1 ? "ALL" : videos.get(0).getFileName().toString()));
        if (bySituation && !all.bySituation.isEmpty()) {
            System.out.println("by situation (" + Situations.PLAIN + ": no hand, perch, toy or contact):");
            all.situationLines().forEach(System.out::println);
        }
    }
}
