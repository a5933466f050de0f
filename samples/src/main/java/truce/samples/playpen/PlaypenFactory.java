package truce.samples.playpen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Lays out a random but sensible playpen: walls, an optional clear barrier, rat cover, a perch and bowls. */
public final class PlaypenFactory {
    private PlaypenFactory() {
    }

    /**
     * @param catLen cat nose to tail base, cm
     * @param ratLen rat nose to tail base, cm
     */
    public static Playpen random(SplittableRandom rng, double viewW, double viewH, boolean withBarrier,
                                 double catLen, double ratLen) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Playpen p = attempt(rng, viewW, viewH, withBarrier, catLen, ratLen);
            if (p != null) {
                return p;
            }
        }
        throw new IllegalStateException("could not lay out a playpen of " + viewW + " x " + viewH + " cm");
    }

    private static Playpen attempt(SplittableRandom rng, double viewW, double viewH, boolean withBarrier,
                                   double catLen, double ratLen) {
        double wall = 2 + rng.nextDouble() * 3;
        Box pen = new Box(viewW * (0.015 + 0.06 * rng.nextDouble()) + wall, viewH * (0.015 + 0.06 * rng.nextDouble()) + wall,
                viewW * (0.985 - 0.06 * rng.nextDouble()) - wall, viewH * (0.985 - 0.06 * rng.nextDouble()) - wall);
        Box barrier = null;
        Box catSide = pen;
        Box ratSide = pen;
        if (withBarrier) {
            boolean vertical = pen.width() >= pen.height() || rng.nextDouble() < 0.3;
            boolean catFirst = rng.nextBoolean();
            double half = 0.5;
            if (vertical) {
                double x = pen.x0() + pen.width() * (0.42 + 0.16 * rng.nextDouble());
                barrier = new Box(x - half, pen.y0(), x + half, pen.y1());
                Box left = new Box(pen.x0(), pen.y0(), x - half, pen.y1());
                Box right = new Box(x + half, pen.y0(), pen.x1(), pen.y1());
                catSide = catFirst ? left : right;
                ratSide = catFirst ? right : left;
            } else {
                double y = pen.y0() + pen.height() * (0.42 + 0.16 * rng.nextDouble());
                barrier = new Box(pen.x0(), y - half, pen.x1(), y + half);
                Box top = new Box(pen.x0(), pen.y0(), pen.x1(), y - half);
                Box bottom = new Box(pen.x0(), y + half, pen.x1(), pen.y1());
                catSide = catFirst ? top : bottom;
                ratSide = catFirst ? bottom : top;
            }
        }
        Box catRegion = catSide.inflate(-catLen * 0.42);
        Box ratRegion = ratSide.inflate(-ratLen * 0.45);
        if (catRegion.width() < catLen * 0.6 || catRegion.height() < catLen * 0.6 || ratRegion.width() < ratLen * 2
                || ratRegion.height() < ratLen * 1.5) {
            return null;
        }

        List<Cover> covers = new ArrayList<>();
        List<Box> taken = new ArrayList<>();
        int wanted = 1 + rng.nextInt(3);
        double k = ratLen / 20.0;
        for (int tries = 0; tries < 60 && covers.size() < wanted; tries++) {
            boolean tunnel = rng.nextDouble() < (covers.isEmpty() ? 0.4 : 0.5);
            boolean horizontal = rng.nextBoolean();
            double len, wid;
            if (tunnel) {
                len = (40 + 25 * rng.nextDouble()) * k;
                wid = (9 + 4 * rng.nextDouble()) * k;
            } else {
                len = (17 + 10 * rng.nextDouble()) * k;
                wid = (13 + 8 * rng.nextDouble()) * k;
            }
            double hw = horizontal ? len / 2 : wid / 2;
            double hh = horizontal ? wid / 2 : len / 2;
            Box inside = ratSide.inflate(-1);
            if (inside.width() < 2 * hw || inside.height() < 2 * hh) {
                continue;
            }
            Vec c = new Vec(inside.x0() + hw + rng.nextDouble() * (inside.width() - 2 * hw),
                    inside.y0() + hh + rng.nextDouble() * (inside.height() - 2 * hh));
            Box box = Box.around(c, hw, hh);
            if (overlaps(box.inflate(ratLen * 0.9), taken)) {
                continue;
            }
            List<Vec> mouths = new ArrayList<>();
            List<Vec> entrances = new ArrayList<>();
            double out = ratLen * 0.75;
            if (tunnel) {
                if (horizontal) {
                    mouths.add(new Vec(box.x0(), c.y()));
                    entrances.add(new Vec(box.x0() - out, c.y()));
                    mouths.add(new Vec(box.x1(), c.y()));
                    entrances.add(new Vec(box.x1() + out, c.y()));
                } else {
                    mouths.add(new Vec(c.x(), box.y0()));
                    entrances.add(new Vec(c.x(), box.y0() - out));
                    mouths.add(new Vec(c.x(), box.y1()));
                    entrances.add(new Vec(c.x(), box.y1() + out));
                }
            } else {
                // The door faces the open floor: the side towards the middle of the rat's side.
                Vec mid = ratSide.center();
                Vec d = mid.minus(c);
                boolean alongX = Math.abs(d.x()) / ratSide.width() > Math.abs(d.y()) / ratSide.height();
                if (alongX) {
                    double sx = d.x() >= 0 ? box.x1() : box.x0();
                    mouths.add(new Vec(sx, c.y()));
                    entrances.add(new Vec(sx + Math.signum(d.x() == 0 ? 1 : d.x()) * out, c.y()));
                } else {
                    double sy = d.y() >= 0 ? box.y1() : box.y0();
                    mouths.add(new Vec(c.x(), sy));
                    entrances.add(new Vec(c.x(), sy + Math.signum(d.y() == 0 ? 1 : d.y()) * out));
                }
                horizontal = alongX;
            }
            boolean ok = true;
            for (Vec e : entrances) {
                ok &= ratRegion.contains(e);
            }
            if (!ok) {
                continue;
            }
            String name = (tunnel ? "tunnel-" : "shelter-") + (covers.size() + 1);
            covers.add(new Cover(name, tunnel ? CoverKind.TUNNEL : CoverKind.SHELTER, box, mouths, entrances, horizontal));
            taken.add(box);
        }
        if (covers.isEmpty()) {
            return null;
        }

        Box perch = null;
        double ps = catLen * (0.75 + 0.25 * rng.nextDouble());
        for (int tries = 0; tries < 40 && perch == null; tries++) {
            Box room = catSide.inflate(-1);
            if (room.width() < ps || room.height() < ps) {
                break;
            }
            double x = rng.nextDouble() < 0.6 ? (rng.nextBoolean() ? room.x0() : room.x1() - ps) : room.x0() + rng.nextDouble() * (room.width() - ps);
            double y = room.y0() + rng.nextDouble() * (room.height() - ps);
            Box b = new Box(x, y, x + ps, y + ps);
            if (!overlaps(b.inflate(ratLen * 0.5), taken)) {
                perch = b;
                taken.add(b);
            }
        }

        List<Bowl> bowls = new ArrayList<>();
        int nb = 1 + rng.nextInt(3);
        for (int tries = 0; tries < 40 && bowls.size() < nb; tries++) {
            double r = 5.5 + 3.5 * rng.nextDouble();
            Box side = rng.nextBoolean() ? catSide : ratSide;
            Box room = side.inflate(-r - 1);
            Vec c = room.randomPoint(rng);
            Box b = Box.around(c, r, r);
            if (!overlaps(b.inflate(3), taken)) {
                bowls.add(new Bowl(c, r, rng.nextBoolean()));
                taken.add(b);
            }
        }
        return new Playpen(viewW, viewH, pen, wall, barrier, catRegion, ratRegion, covers, perch, bowls);
    }

    private static boolean overlaps(Box b, List<Box> taken) {
        for (Box t : taken) {
            if (b.intersects(t)) {
                return true;
            }
        }
        return false;
    }
}
