package truce.samples.script;

import java.util.SplittableRandom;
import truce.behaviour.RatState;
import truce.samples.playpen.Box;
import truce.samples.playpen.Cover;
import truce.samples.playpen.CoverKind;
import truce.samples.playpen.Playpen;
import truce.samples.playpen.Vec;

/**
 * The rat: exploring (walking, sniffing with pauses, grooming), fleeing fast from the cat towards cover, and
 * hiding inside a shelter or tunnel under its roof. A lunge always sends a rat in the open fleeing.
 */
final class RatActor {
    enum Activity { WALK, PAUSE, GROOM, GO_COVER, FLEE, ENTER, HIDE, EMERGE, FREEZE }

    private final Playpen pen;
    private final SplittableRandom rng;
    private final Director director;
    final Body body;
    private final double len;
    private final double walkSpeed;
    private final double fleeSpeed;
    private final double reaction;

    Activity activity = Activity.PAUSE;
    private double timer;
    private Vec target;
    private Cover cover;
    private int mouth;
    private boolean stage2;
    private boolean fled;
    private double wander;

    RatActor(Playpen pen, SplittableRandom rng, Director director, double length, Vec awayFrom) {
        this.pen = pen;
        this.rng = rng;
        this.director = director;
        this.len = length;
        this.walkSpeed = length * (0.5 + 0.6 * rng.nextDouble());
        this.fleeSpeed = length * (4.5 + 2.5 * rng.nextDouble());
        this.reaction = (2 + rng.nextInt(4)) / 30.0;
        Vec start = null;
        for (int i = 0; i < 60; i++) {
            Vec p = freePoint();
            if (start == null || p.distance(awayFrom) > start.distance(awayFrom)) {
                start = p;
            }
        }
        this.body = new Body(length, start, rng.nextDouble() * 2 * Math.PI - Math.PI);
        begin(Activity.PAUSE, 0.5 + rng.nextDouble());
    }

    private Vec freePoint() {
        Box r = pen.ratRegion();
        for (int i = 0; i < 100; i++) {
            Vec p = r.randomPoint(rng);
            if (pen.clearOfCovers(p, len * 0.6)) {
                return p;
            }
        }
        return r.center();
    }

    /** In the open and in sight (not in or going into cover): the cat can stalk it to a pounce. */
    boolean inOpen() {
        return switch (activity) {
            case WALK, PAUSE, GROOM, FREEZE -> true;
            case GO_COVER -> true;
            default -> false;
        };
    }

    boolean underCover() {
        return pen.coverAt(body.pos()) != null;
    }

    RatState state() {
        boolean inside = underCover();
        if (inside) {
            // under a roof is out of sight: hiding, whatever brought it there
            return RatState.HIDING;
        }
        return switch (activity) {
            case HIDE -> RatState.HIDING;
            case FLEE -> RatState.FLEEING;
            case ENTER -> inside ? RatState.HIDING : (fled ? RatState.FLEEING : RatState.EXPLORING);
            case EMERGE -> inside ? RatState.HIDING : RatState.EXPLORING;
            default -> RatState.EXPLORING;
        };
    }

    private void begin(Activity a, double seconds) {
        activity = a;
        timer = seconds;
        double side = rng.nextBoolean() ? 1 : -1;
        switch (a) {
            case WALK, GO_COVER, EMERGE -> body.target(1.0, 1.0, 0, 0, side * 0.3, side * 0.8);
            case PAUSE -> body.target(0.88, 1.08, side * 0.2, 0, side * 0.6, side * 1.2);
            case GROOM -> body.target(0.72, 1.18, side * 0.6, side * 0.9, side * 1.2, side * 1.6);
            case FLEE, ENTER -> body.target(1.2, 0.85, 0, 0, 0, side * 0.3);
            case HIDE -> body.target(0.8, 1.12, side * 0.8, 0, side * 1.5, side * 1.5);
            case FREEZE -> body.target(0.8, 1.1, 0, 0, side * 0.4, side * 0.3);
        }
    }

    void step(double t, double dt, CatActor cat, HandPose hand) {
        timer -= dt;
        Vec pos = body.pos();
        boolean exposed = activity != Activity.FLEE && activity != Activity.ENTER && activity != Activity.HIDE
                && !(activity == Activity.EMERGE && underCover());
        if (exposed) {
            boolean startled = cat.lunging() && cat.lungeAge() >= reaction && cat.lungeAge() < reaction + dt * 1.01;
            double dCat = pos.distance(cat.body.pos());
            if (!startled && cat.activity.posture() == truce.behaviour.CatPosture.STALKING && !cat.forcedStalk()
                    && dCat < cat.body.length * 1.3) {
                startled = rng.nextDouble() < 0.8 * dt;
            }
            if (!startled && hand != null && pos.distance(hand.wrist()) < 18 * hand.scale()) {
                startled = rng.nextDouble() < 1.5 * dt;
            }
            if (startled) {
                flee(cat.body.pos());
            }
        }
        switch (activity) {
            case WALK, GO_COVER -> walk(t, dt, cat);
            case PAUSE, GROOM, FREEZE -> {
                body.hold();
                if (activity == Activity.PAUSE) {
                    body.tHeadYaw = 0.5 * Math.sin(t * 5.3) * Math.sin(t * 1.1);
                } else if (activity == Activity.GROOM) {
                    body.headYaw = body.tHeadYaw + 0.2 * Math.sin(t * 9);
                }
                if (timer <= 0) {
                    chooseExplore(t, cat);
                }
            }
            case FLEE -> run(dt, fleeSpeed, 2500, 10);
            case ENTER -> run(dt, Math.max(fleeSpeed * 0.4, walkSpeed), 1500, 7);
            case HIDE -> {
                body.hold();
                if (timer <= 0 || (director.soon(t, 4) && hideAge > 1.5)) {
                    emerge();
                }
                hideAge += dt;
            }
            case EMERGE -> run(dt, walkSpeed * 1.2, 300, 4);
        }
        body.ease(dt, activity == Activity.FLEE ? 12 : 4);
    }

    private double hideAge;
    private double blockedFor;

    private void chooseExplore(double t, CatActor cat) {
        double r = rng.nextDouble();
        if (r < 0.16 && !director.soon(t, 8)) {
            cover = pen.covers().get(rng.nextInt(pen.covers().size()));
            mouth = rng.nextInt(cover.mouths().size());
            target = cover.entrances().get(mouth);
            if (pen.clearPath(body.pos(), target, len * 0.2)) {
                begin(Activity.GO_COVER, 20);
                return;
            }
        }
        if (director.soon(t, 8) && r < 0.8) {
            // the pair is about to meet: the rat wanders out into the open floor
            Vec best = null;
            for (int i = 0; i < 16; i++) {
                Vec p = freePoint();
                if (pen.clearPath(body.pos(), p, len * 0.3) && (best == null || pen.openness(p) > pen.openness(best))) {
                    best = p;
                }
            }
            if (best != null) {
                target = best;
                begin(Activity.WALK, 15);
                return;
            }
        }
        if (r < 0.55) {
            Vec best = null;
            for (int i = 0; i < 4; i++) {
                Vec p = freePoint();
                if (pen.clearPath(body.pos(), p, len * 0.3)
                        && (best == null || p.distance(cat.body.pos()) > best.distance(cat.body.pos()) * (0.6 + 0.6 * rng.nextDouble()))) {
                    best = p;
                }
            }
            if (best != null) {
                target = best;
                begin(Activity.WALK, 15);
                return;
            }
        }
        if (r < 0.85) {
            begin(Activity.PAUSE, 0.6 + rng.nextDouble() * 2.5);
        } else {
            begin(Activity.GROOM, 1.5 + rng.nextDouble() * 3.5);
        }
    }

    private void walk(double t, double dt, CatActor cat) {
        Vec pos = body.pos();
        double d = pos.distance(target);
        wander += (rng.nextDouble() - 0.5) * 6 * dt;
        wander *= 0.97;
        double rest = body.turnTo(pos.angleTo(target) + (d > len ? wander : 0), 4.0, dt);
        if (d < body.speed / 4.0 * 1.5) {
            body.heading = pos.angleTo(target);
            rest = 0;
        }
        body.accelerate(Math.min(walkSpeed * Math.max(0.1, Math.cos(Math.min(Math.PI / 2, Math.abs(rest)))), d * 2 + 3), 150, dt);
        body.tBend = Math.max(-0.5, Math.min(0.5, rest));
        Vec n = body.next(dt);
        boolean ok = activity == Activity.GO_COVER ? pen.ratRegion().contains(n) : pen.canStep(pen.ratRegion(), pos, n, len * 0.3);
        if (ok) {
            body.moveTo(n, dt);
            blockedFor = 0;
        } else {
            // blocked ahead: stand and turn towards the target a moment before choosing again
            body.hold();
            blockedFor += dt;
        }
        if (d < 1.5 || timer <= 0 || blockedFor > 0.8) {
            blockedFor = 0;
            body.hold();
            if (activity == Activity.GO_COVER && d < 3) {
                fled = false;
                stage2 = false;
                begin(Activity.ENTER, 10);
            } else {
                chooseExplore(t, cat);
            }
        }
    }

    private void flee(Vec catPos) {
        Vec pos = body.pos();
        Cover best = null;
        int bestMouth = 0;
        double bestCost = Double.MAX_VALUE;
        for (Cover c : pen.covers()) {
            for (int m = 0; m < c.entrances().size(); m++) {
                Vec e = c.entrances().get(m);
                if (!pen.clearPath(pos, e, len * 0.15)) {
                    continue;
                }
                double cost = pos.distance(e) + (e.distance(catPos) < pos.distance(catPos) * 0.5 ? 150 : 0);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = c;
                    bestMouth = m;
                }
            }
        }
        fled = true;
        stage2 = false;
        if (best != null) {
            cover = best;
            mouth = bestMouth;
            target = best.entrances().get(bestMouth);
        } else {
            cover = null;
            // nowhere to hide within reach: dash away from the cat, round any box in the way
            double away = catPos.angleTo(pos);
            target = pen.ratRegion().clamp(pos.plus(Vec.polar(60, away)));
            for (int k = 1; k <= 6 && !pen.clearPath(pos, target, len * 0.1); k++) {
                double turn = (k % 2 == 1 ? 1 : -1) * ((k + 1) / 2) * 0.45;
                target = pen.ratRegion().clamp(pos.plus(Vec.polar(60, away + turn)));
            }
        }
        begin(Activity.FLEE, 3);
    }

    /** Runs along FLEE -> entrance, ENTER -> mouth -> inside, EMERGE -> mouth -> entrance. */
    private void run(double dt, double speed, double accel, double turn) {
        Vec pos = body.pos();
        double d = pos.distance(target);
        double err = body.turnTo(pos.angleTo(target), turn, dt);
        if (d < body.speed / turn * 1.5) {
            // within the turning circle: head straight in, or it would circle the target for ever
            body.heading = pos.angleTo(target);
            err = 0;
        }
        // slow down while still turning, so a tight turn never becomes an orbit round the target
        body.accelerate(Math.min(speed * Math.max(0.1, Math.cos(Math.min(Math.PI / 2, Math.abs(err)))), d / dt), accel, dt);
        body.moveTo(body.next(dt), dt);
        if (body.pos().distance(target) > 1.5 && timer > 0) {
            return;
        }
        switch (activity) {
            case FLEE -> {
                if (cover != null) {
                    target = cover.mouths().get(mouth);
                    stage2 = false;
                    begin(Activity.ENTER, 4);
                } else {
                    begin(Activity.FREEZE, 1 + rng.nextDouble() * 2);
                }
            }
            case ENTER -> {
                if (!stage2) {
                    stage2 = true;
                    target = cover.kind() == CoverKind.TUNNEL
                            ? cover.mouths().get(mouth).plus(cover.inner().minus(cover.mouths().get(mouth)).times(0.8))
                            : cover.inner();
                    timer = 4;
                } else {
                    body.hold();
                    hideAge = 0;
                    begin(Activity.HIDE, 2.5 + rng.nextDouble() * 14);
                }
            }
            case EMERGE -> {
                if (!stage2) {
                    stage2 = true;
                    target = cover.entrances().get(mouth);
                    timer = 4;
                } else {
                    fled = false;
                    begin(Activity.PAUSE, 0.5 + rng.nextDouble() * 1.5);
                }
            }
            default -> {
            }
        }
    }

    private void emerge() {
        mouth = rng.nextInt(cover.mouths().size());
        target = cover.mouths().get(mouth);
        stage2 = false;
        begin(Activity.EMERGE, 6);
    }

}
