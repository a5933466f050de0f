package truce.pipeline;

import java.nio.file.Path;
import java.util.List;
import truce.behaviour.RatState;
import truce.features.FrameFeatures;
import truce.floor.FloorMap;
import truce.footage.Footage;
import truce.framecsv.FrameCsv;
import truce.framecsv.FrameRow;
import truce.zones.ZoneKind;

/**
 * The rat's cover flag against ground truth: on the frames where the truth has the rat out of view (after it was
 * first in view), whether vision reports it in view, out of view and in cover, or out of view and not in cover;
 * split by the truth's label: hiding (it went into cover, and should be in cover) or not (under the cat or a hand,
 * in the open: not in cover). Also the frames where vision says "in cover" while the truth rat is in view
 * outside every cover zone. With {@code -Dtruce.episodes=true} it lists every out-of-view run vision got wrong:
 * where the truth rat went out (and whether by a cover zone), where vision's rat was then, and what vision said
 * over the run. From the
 * repository root, after packaging:
 * {@code java -cp "api/target/truce.jar:api/target/lib/*" truce.pipeline.CoverScore VIDEO|DIR...}
 */
public final class CoverScore {
    /** A rat that went out of view this close to a cover zone (px) went into it. */
    static final double BY_COVER_PX = 25;
    private static final boolean EPISODES = Boolean.getBoolean("truce.episodes");

    /** Frames of each kind; index 0 the truth says hiding, 1 it does not (under the cat, under a hand). */
    static final class Tally {
        final int[] seen = new int[2];
        final int[] inCover = new int[2];
        final int[] notInCover = new int[2];
        /** Truth rat in view outside every cover zone, vision says in cover (in view / out of view). */
        int falseCoverSeen;
        int falseCoverUnseen;
        int openFrames;

        void add(Tally o) {
            for (int k = 0; k < 2; k++) {
                seen[k] += o.seen[k];
                inCover[k] += o.inCover[k];
                notInCover[k] += o.notInCover[k];
            }
            falseCoverSeen += o.falseCoverSeen;
            falseCoverUnseen += o.falseCoverUnseen;
            openFrames += o.openFrames;
        }

        String line(String name) {
            return String.format("%-28s out of view hiding: in cover %5d, not in cover %5d, seen %5d | not hiding: "
                            + "in cover %4d, not in cover %4d, seen %4d | in view in the open %5d: said in cover %d "
                            + "(seen) + %d (unseen)", name, inCover[0], notInCover[0], seen[0], inCover[1],
                    notInCover[1], seen[1], openFrames, falseCoverSeen, falseCoverUnseen);
        }
    }

    private CoverScore() {
    }

    /** One run of out-of-view truth frames, as it is being scored. */
    private static final class Episode {
        long start;
        int kind;
        double truthX;
        double truthY;
        double coverPx;
        double catPx;
        boolean visionSaw;
        /** Frames before the run that vision last had the rat within 20 px, and how far from cover that was. */
        long sinceGood;
        double goodCoverPx;
        double visionX;
        double visionY;
        int seen;
        int inCover;
        int notInCover;
        int hiding;
        /** Frames vision had already lost its rat when the run began (0: it saw it). */
        int visionUnseen;
    }

    static Tally score(Path video) throws Exception {
        List<FrameRow> rows = FrameCsv.readRows(Footage.beside(video, ".truth.csv"));
        FloorMap floor = TrackingScore.floor(Footage.beside(video, ".zones.json"));
        Scorer s = new Scorer(video.getFileName().toString(), floor);
        TrackingScore.run(video, rows, floor, s);
        if (s.episode != null) {
            report(s.name, s.episode, rows.size());
        }
        return s.tally;
    }

    /** Scores one video frame by frame, remembering what the current out-of-view run needs. */
    private static final class Scorer implements TrackingScore.FrameScorer {
        final String name;
        final FloorMap floor;
        final Tally tally = new Tally();
        /** The last truth row with the rat in view, vision's features then, and the last row vision had it right. */
        FrameRow last;
        FrameFeatures lastSeen;
        FrameRow lastGood;
        Episode episode;

        Scorer(String name, FloorMap floor) {
            this.name = name;
            this.floor = floor;
        }

        @Override
        public void score(FrameRow r, FrameFeatures f, FrameProcessor p) {
            if (r.ratVisible()) {
                inView(r, f);
            } else if (last != null) {
                outOfView(r, f, p);
            }
        }

        private void inView(FrameRow r, FrameFeatures f) {
            if (episode != null) {
                report(name, episode, r.frame());
                episode = null;
            }
            if (!floor.inside(ZoneKind.COVER, r.ratX(), r.ratY())) {
                tally.openFrames++;
                if (f.ratInCover()) {
                    if (f.rat().visible()) {
                        tally.falseCoverSeen++;
                    } else {
                        tally.falseCoverUnseen++;
                    }
                }
            }
            last = r;
            lastSeen = f;
            if (f.rat().visible() && Math.hypot(f.rat().x() - r.ratX(), f.rat().y() - r.ratY()) <= TrackingScore.GOOD_PX) {
                lastGood = r;
            }
        }

        private void outOfView(FrameRow r, FrameFeatures f, FrameProcessor p) {
            Episode e = episode;
            if (e == null) {
                e = episode = begin(r, p);
            }
            int kind = r.ratState() == RatState.HIDING ? 0 : 1;
            if (kind == 0) {
                e.hiding++;
            }
            if (f.rat().visible()) {
                tally.seen[kind]++;
                e.seen++;
            } else if (f.ratInCover()) {
                tally.inCover[kind]++;
                e.inCover++;
            } else {
                tally.notInCover[kind]++;
                e.notInCover++;
            }
        }

        private Episode begin(FrameRow r, FrameProcessor p) {
            Episode e = new Episode();
            FrameRow b = last;
            e.start = r.frame();
            e.truthX = b.ratX();
            e.truthY = b.ratY();
            e.coverPx = floor.distance(ZoneKind.COVER, b.ratX(), b.ratY());
            e.catPx = b.catVisible() ? Math.hypot(b.catX() - b.ratX(), b.catY() - b.ratY()) : Double.NaN;
            e.kind = e.coverPx <= BY_COVER_PX ? 0 : 1;
            e.visionUnseen = p.tracker().rat().visible() ? 0 : p.tracker().rat().framesUnseen();
            e.visionSaw = lastSeen.rat().visible();
            e.visionX = p.tracker().rat().x();
            e.visionY = p.tracker().rat().y();
            e.sinceGood = lastGood == null ? -1 : r.frame() - lastGood.frame();
            e.goodCoverPx = lastGood == null ? Double.NaN : floor.distance(ZoneKind.COVER, lastGood.ratX(), lastGood.ratY());
            return e;
        }
    }

    private static void report(String name, Episode e, long end) {
        boolean wrong = e.hiding > 0 ? e.seen + e.notInCover > 0 : e.seen + e.inCover > 0;
        if (EPISODES && wrong) {
            System.out.printf("  %s %5d-%5d %s truth out at (%.0f,%.0f) %.0f px from cover, %.0f px from the cat | "
                            + "vision's rat at (%.0f,%.0f) %.0f px off%s (unseen %d), last right %d frames before, %.0f px from "
                            + "cover | hiding %d: in cover %d, not %d, seen %d%n", name,
                    e.start, end - 1, e.kind == 0 ? "COVER" : "OPEN ", e.truthX, e.truthY, e.coverPx, e.catPx,
                    e.visionX, e.visionY, Math.hypot(e.visionX - e.truthX, e.visionY - e.truthY),
                    e.visionSaw ? "" : " (lost)", e.visionUnseen, e.sinceGood, e.goodCoverPx, e.hiding, e.inCover, e.notInCover, e.seen);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Path> videos = TrackingScore.videos(args);
        Tally all = new Tally();
        for (Path v : videos) {
            Tally t = score(v);
            System.out.println(t.line(v.getFileName().toString()));
            all.add(t);
        }
        if (videos.size() > 1) {
            System.out.println(all.line("ALL"));
        }
    }
}
