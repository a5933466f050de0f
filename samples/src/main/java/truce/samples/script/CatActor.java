package truce.samples.script;

import java.util.SplittableRandom;
import truce.behaviour.CatPosture;
import truce.samples.playpen.Box;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/**
 * The cat, scripted to product.md's postures. Calm: resting curled up, sitting, grooming, walking at an easy pace,
 * or watching the rat calmly while sitting. Stalking: orienting to the rat, then a long, low, narrow body with a
 * straight tail creeping slowly or holding still while staring. Lunging: a burst of several body lengths per second
 * straight at the rat (or at the barrier), 0.3-0.8 s.
 */
final class CatActor {
    enum Activity {
        REST, SIT, GROOM, WALK, WATCH, ORIENT, CREEP, STARE, LUNGE;

        CatPosture posture() {
            return switch (this) {
                case REST, SIT, GROOM, WALK, WATCH -> CatPosture.CALM;
                case ORIENT, CREEP, STARE -> CatPosture.STALKING;
                case LUNGE -> CatPosture.LUNGING;
            };
        }
    }

    private final Playpen pen;
    private final SplittableRandom rng;
    private final Director director;
    final Body body;
    private final double len;
    private final double walkSpeed;

    Activity activity = Activity.SIT;
    private double timer;
    private Vec target;
    private boolean approaching;
    // stalk
    private boolean lungeIntent;
    private boolean forced;
    private double stalkUntil;
    private double lungeDist;
    // lunge
    private double lungeAge;
    private double lungeT;
    private double lungeV;
    private double lungeDir;
    private double groomPhase;
    private double blockedFor;

    CatActor(Playpen pen, SplittableRandom rng, Director director, double length) {
        this.pen = pen;
        this.rng = rng;
        this.director = director;
        this.len = length;
        this.walkSpeed = length * (0.55 + 0.4 * rng.nextDouble());
        Vec start = freePoint(pen.catRegion());
        this.body = new Body(length, start, rng.nextDouble() * 2 * Math.PI - Math.PI);
        begin(Activity.SIT, 1 + rng.nextDouble() * 2);
        body.stretch = body.tStretch;
        body.width = body.tWidth;
        body.tailAngle = body.tTailAngle;
        body.tailCurl = body.tTailCurl;
    }

    boolean lunging() {
        return activity == Activity.LUNGE;
    }

    double lungeAge() {
        return lungeAge;
    }

    boolean forcedStalk() {
        return forced && activity.posture() != CatPosture.CALM;
    }

    private Vec freePoint(Box region) {
        for (int i = 0; i < 100; i++) {
            Vec p = region.randomPoint(rng);
            if (pen.clearOfCovers(p, len * 0.5)) {
                return p;
            }
        }
        return region.center();
    }

    private void begin(Activity a, double seconds) {
        activity = a;
        timer = seconds;
        double side = rng.nextBoolean() ? 1 : -1;
        switch (a) {
            case REST -> body.target(0.8, 1.2, side * (1.4 + 0.5 * rng.nextDouble()), side * 0.8, side * 2.0, side * 2.2);
            case SIT -> body.target(0.62, 1.1, 0, 0, side * (1.6 + 0.6 * rng.nextDouble()), side * 1.6);
            case GROOM -> body.target(0.72, 1.12, side * 0.5, side * 1.1, side * 1.8, side * 1.8);
            case WALK -> body.target(1.0, 1.0, 0, 0, side * 0.3, side * 0.9);
            case WATCH -> body.target(0.66, 1.08, 0, 0, side * 1.7, side * 1.7);
            case ORIENT, CREEP, STARE -> body.target(1.15, 0.8, 0, 0, 0, side * 0.15);
            case LUNGE -> body.target(1.27, 0.76, 0, 0, 0, 0);
        }
    }

    void step(double t, double dt, RatActor rat) {
        timer -= dt;
        if (activity.posture() == CatPosture.CALM && activity != Activity.WALK && director.due(t) && rat.inOpen()) {
            // a planned encounter is due: the calm spell ends soon, as a cat's interest wakes
            timer = Math.min(timer, 0.4);
        }
        Vec pos = body.pos();
        body.tLift = pen.perch() != null && pen.perch().contains(pos) ? 1.1 : 1.0;
        switch (activity) {
            case REST, SIT -> {
                body.hold();
                body.tHeadYaw = activity == Activity.SIT ? 0.5 * Math.sin(t * 0.7) * (timer % 3 < 1.5 ? 1 : 0.2) : body.tHeadYaw;
                if (timer <= 0) {
                    chooseCalm(t, rat);
                }
            }
            case GROOM -> {
                body.hold();
                groomPhase += dt * 5;
                body.headYaw = body.tHeadYaw + 0.15 * Math.sin(groomPhase);
                if (timer <= 0) {
                    chooseCalm(t, rat);
                }
            }
            case WATCH -> {
                body.hold();
                double rest = body.turnTo(pos.angleTo(rat.body.pos()), 0.8, dt);
                body.tHeadYaw = Math.max(-0.6, Math.min(0.6, rest));
                if (timer <= 0) {
                    chooseCalm(t, rat);
                }
            }
            case WALK -> walk(t, dt, rat);
            case ORIENT, CREEP, STARE -> stalk(t, dt, rat);
            case LUNGE -> lunge(t, dt, rat);
        }
        body.ease(dt, activity == Activity.LUNGE ? 18 : 3.5);
        keepNoseIn();
    }

    /**
     * A body that lengthens (a cat rising into a stalk, a pounce) or turns near the barrier or a wall would push its
     * nose through it: step back just enough instead.
     */
    private void keepNoseIn() {
        Box side = pen.catRegion().inflate(0.42 * len - 1);
        Vec nose = body.pos().plus(Vec.polar(0.56 * len * body.stretch, body.heading));
        if (!side.contains(nose)) {
            Vec shift = side.clamp(nose).minus(nose);
            body.x += shift.x();
            body.y += shift.y();
        }
    }

    private void walk(double t, double dt, RatActor rat) {
        Vec pos = body.pos();
        double d = pos.distance(target);
        double rest = body.turnTo(pos.angleTo(target), 2.2, dt);
        if (d < body.speed / 2.2 * 1.5) {
            // within the turning circle: head straight in rather than circle the target
            body.heading = pos.angleTo(target);
            rest = 0;
        }
        body.accelerate(Math.min(walkSpeed * Math.max(0.1, Math.cos(Math.min(Math.PI / 2, Math.abs(rest)))), d * 1.5 + 5), 120, dt);
        body.tBend = Math.max(-0.5, Math.min(0.5, rest));
        Vec n = body.next(dt);
        if (!canMove(pos, n, body.heading, len * 0.4)) {
            // blocked ahead: stand and keep turning towards the target for a moment before giving up
            body.hold();
            blockedFor += dt;
            if (blockedFor < 1.2) {
                return;
            }
            blockedFor = 0;
            if (approaching) {
                approaching = false;
                if (director.due(t) && rat.inOpen()) {
                    startStalk(t, rat, true);
                    return;
                }
            }
            chooseCalm(t, rat);
            return;
        }
        body.moveTo(n, dt);
        blockedFor = 0;
        if (d < 2 || timer <= 0) {
            body.hold();
            if (approaching) {
                approaching = false;
                if (director.due(t) && rat.inOpen()) {
                    startStalk(t, rat, true);
                    return;
                }
            }
            if (pen.perch() != null && pen.perch().contains(body.pos()) && rng.nextDouble() < 0.7) {
                begin(Activity.REST, 4 + rng.nextDouble() * 10);
            } else {
                chooseCalm(t, rat);
            }
        }
    }

    /**
     * Whether the body may move from a to b facing {@code heading}: the centre stays in the cat's region and clear
     * of covers, and the nose (up to 0.7 body lengths ahead when stretched) does not pass the barrier or a wall.
     */
    private boolean canMove(Vec a, Vec b, double heading, double margin) {
        if (!pen.canStep(pen.catRegion(), a, b, margin)) {
            return false;
        }
        Vec noseB = b.plus(Vec.polar(0.3 * len, heading));
        if (pen.catRegion().contains(noseB)) {
            return true;
        }
        Vec noseA = a.plus(Vec.polar(0.3 * len, heading));
        return !pen.catRegion().contains(noseA) && pen.catRegion().distance(noseB) < pen.catRegion().distance(noseA);
    }

    /** Where the cat aims when the rat is at p: the rat itself, or the nearest point on its own side. */
    private Vec aim(Vec p) {
        return pen.catRegion().clamp(p);
    }

    private void chooseCalm(double t, RatActor rat) {
        approaching = false;
        Vec pos = body.pos();
        Vec ratPos = rat.body.pos();
        double dRat = pos.distance(aim(ratPos));
        if (director.due(t)) {
            if (!rat.inOpen()) {
                director.postpone(t, 1.5);
            } else if (dRat >= 1.6 * len && dRat <= 2.8 * len && reach(aim(ratPos)) >= 0.8 * len) {
                startStalk(t, rat, true);
                return;
            } else {
                // walk over to a couple of body lengths from the rat first, then stalk from there
                Vec p = approachPoint(ratPos);
                approaching = true;
                target = p;
                begin(Activity.WALK, 12);
                return;
            }
        }
        double r = rng.nextDouble();
        if (rat.inOpen() && r < 0.10 && dRat < 5 * len && dRat > 1.6 * len) {
            startStalk(t, rat, false);
        } else if (!rat.inOpen() && r < 0.06) {
            startStalk(t, rat, false);
        } else if (rat.inOpen() && r < 0.3) {
            begin(Activity.WATCH, 2 + rng.nextDouble() * 3.5);
        } else {
            double q = rng.nextDouble();
            if (q < 0.22) {
                begin(Activity.REST, 4 + rng.nextDouble() * 14);
            } else if (q < 0.42) {
                begin(Activity.SIT, 2 + rng.nextDouble() * 5);
            } else if (q < 0.62) {
                begin(Activity.GROOM, 3 + rng.nextDouble() * 7);
            } else {
                target = pen.perch() != null && rng.nextDouble() < 0.2 ? pen.perch().center() : freePoint(pen.catRegion());
                if (pen.clearPath(pos, target, len * 0.35)) {
                    begin(Activity.WALK, 10);
                } else {
                    begin(Activity.SIT, 1 + rng.nextDouble() * 2);
                }
            }
        }
    }

    /** A point 2-3 body lengths from the rat, on the cat's side, with a clear line to it. */
    private Vec approachPoint(Vec ratPos) {
        Vec a = aim(ratPos);
        for (int i = 0; i < 60; i++) {
            Vec p = a.plus(Vec.polar(len * (1.8 + 0.8 * rng.nextDouble()), rng.nextDouble() * 2 * Math.PI));
            if (pen.catRegion().contains(p) && pen.clearOfCovers(p, len * 0.5) && pen.clearPath(p, a, len * 0.3)
                    && (i > 30 || pen.clearPath(body.pos(), p, len * 0.35))) {
                return p;
            }
        }
        // no good spot: head straight for the rat and start stalking wherever the walk ends
        Vec pos = body.pos();
        return pen.catRegion().clamp(a.plus(pos.minus(a).times(2.2 * len / Math.max(1, pos.distance(a)))));
    }

    private void startStalk(double t, RatActor rat, boolean forcedLunge) {
        forced = forcedLunge;
        blockedFor = 0;
        lungeIntent = forcedLunge || rng.nextDouble() < (rat.inOpen() ? 0.35 : 0.15);
        lungeDist = len * (1.3 + 0.9 * rng.nextDouble());
        stalkUntil = t + (forcedLunge ? 25 : 3 + rng.nextDouble() * 9);
        begin(Activity.ORIENT, 0.3 + rng.nextDouble() * 0.5);
    }

    private void stalk(double t, double dt, RatActor rat) {
        Vec pos = body.pos();
        Vec goal = aim(rat.body.pos());
        double d = pos.distance(goal);
        double rest = body.turnTo(pos.angleTo(goal), activity == Activity.ORIENT ? 3.0 : 1.2, dt);
        body.tHeadYaw = Math.max(-0.4, Math.min(0.4, rest));
        boolean facing = Math.abs(rest) < 0.25;
        if (activity == Activity.ORIENT) {
            body.hold();
            if (timer <= 0 && facing) {
                begin(rng.nextDouble() < 0.6 ? Activity.CREEP : Activity.STARE, 0.8 + rng.nextDouble() * 2.2);
            }
            return;
        }
        double clear = reach(goal);
        // the way is open if the cat can pounce (nearly) all the way: to the rat, or to the barrier
        boolean open = clear >= d - 0.45 * len - 2 || clear >= 0.8 * len;
        blockedFor = open ? 0 : blockedFor + dt;
        if (forced && blockedFor > 1.5) {
            // something stands between them: go round to a spot with a clear line, then stalk again
            blockedFor = 0;
            approaching = true;
            target = approachPoint(rat.body.pos());
            begin(Activity.WALK, 8);
            return;
        }
        if (lungeIntent && facing && d >= 0.6 * len && d <= lungeDist && (rat.inOpen() || !forced) && open) {
            startLunge(goal);
            return;
        }
        if (t > stalkUntil) {
            endStalk(t, rat);
            return;
        }
        if (activity == Activity.CREEP) {
            body.accelerate(d > len * (rat.inOpen() ? 0.7 : 1.1) ? len * (0.12 + 0.15 * Math.abs(Math.sin(t * 0.9))) : 0, 40, dt);
            Vec n = body.next(dt);
            if (canMove(pos, n, body.heading, len * 0.4)) {
                body.moveTo(n, dt);
            } else {
                body.hold();
            }
            if (timer <= 0) {
                begin(Activity.STARE, 0.6 + rng.nextDouble() * 2.0);
            }
        } else {
            body.hold();
            if (timer <= 0) {
                begin(Activity.CREEP, 0.8 + rng.nextDouble() * 2.5);
            }
        }
        if (forced && !rat.inOpen() && t > stalkUntil - 20) {
            // the rat slipped into cover before the pounce: keep watching its door a while, then give up
            stalkUntil = Math.min(stalkUntil, t + 3);
        }
    }

    private void endStalk(double t, RatActor rat) {
        if (forced) {
            director.postpone(t, 4);
        }
        forced = false;
        if (rng.nextBoolean()) {
            begin(Activity.SIT, 2 + rng.nextDouble() * 4);
        } else {
            chooseCalm(t, rat);
        }
    }

    private void startLunge(Vec goal) {
        Vec pos = body.pos();
        lungeDir = pos.angleTo(goal);
        body.heading = lungeDir;
        // A pounce is planned for its full burst; if the barrier or a box stops it early, the cat stays pressed
        // against it, still lunging, until the burst is spent.
        double dist = Math.max(len * (0.95 + 0.9 * rng.nextDouble()), reach(goal));
        lungeT = Math.max(0.3, Math.min(0.8, dist / (3.0 * len)));
        lungeV = Math.min(dist, Math.max(reach(goal), 0.5 * len)) / (0.775 * lungeT);
        lungeV = Math.max(lungeV, 3.0 * len);
        lungeAge = 0;
        if (forced) {
            director.done();
        }
        forced = false;
        begin(Activity.LUNGE, lungeT);
    }

    /**
     * How far a pounce at goal can carry the cat: to the rat (nose to its body), or to whatever stops it first
     * (the barrier, a wall, a shelter in the way).
     */
    private double reach(Vec goal) {
        Vec pos = body.pos();
        double dir = pos.angleTo(goal);
        double want = pos.distance(goal) - len * 0.35;
        double reach = 0;
        for (double s = 1; s <= want; s += 1) {
            Vec p = pos.plus(Vec.polar(s, dir));
            if (!pen.catRegion().contains(p) || !pen.clearOfCovers(p, len * 0.2)
                    || !pen.catRegion().contains(p.plus(Vec.polar(0.3 * len, dir)))) {
                break;
            }
            reach = s;
        }
        return reach;
    }

    private void lunge(double t, double dt, RatActor rat) {
        lungeAge += dt;
        double a = lungeAge / lungeT;
        double v = a < 0.15 ? lungeV * a / 0.15 : a > 0.7 ? lungeV * Math.max(0, 1 - a) / 0.3 : lungeV;
        body.speed = v;
        body.heading = lungeDir;
        Vec n = body.next(dt);
        if (canMove(body.pos(), n, lungeDir, len * 0.2)) {
            body.moveTo(n, dt);
        } else {
            body.vx = 0;
            body.vy = 0;
        }
        if (lungeAge >= lungeT - 1e-9) {
            body.hold();
            if (rng.nextDouble() < 0.4) {
                lungeIntent = false;
                stalkUntil = t + 1 + rng.nextDouble() * 2;
                begin(Activity.STARE, 1 + rng.nextDouble() * 1.5);
            } else {
                begin(Activity.SIT, 2 + rng.nextDouble() * 4);
            }
        }
    }
}
