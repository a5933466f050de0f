package truce.track;

/**
 * What the tracker knows of one animal, updated in place every frame (read by the features stage and the
 * annotated video). Positions in source pixels; when not visible, x/y are where it was last seen.
 */
public final class Track {
    final Animal animal;
    boolean everSeen;
    boolean visible;
    /** The blob's centroid: what the tracker predicts from and matches against. */
    double x;
    double y;
    /** The body's centroid (no tail, leash or attached shadow): what is reported. */
    double bodyX;
    double bodyY;
    double vx;
    double vy;
    double area;
    /** The animal's usual blob size, learnt slowly from whole views of it (not from partial ones). */
    double refArea;
    double length;
    double width;
    double axis;
    double minX;
    double minY;
    double maxX;
    double maxY;
    double lastSeenMs;
    /** When it was last seen apart from the other animal (not as a part of a shared blob). */
    double apartMs;
    /** Where it was then (the blob's centroid). */
    double apartX;
    double apartY;
    int framesUnseen = Integer.MAX_VALUE;
    boolean inContact;
    /** Frames since a contact began with the cat lunging in (0: no such contact; see Contact.measureRatInContact). */
    int lungeFrames;
    boolean inCover;
    boolean lastSeenNearCover;
    boolean lastSeenAtEdge;
    /** Its blob was larger than any cat: joined by the owner's arm over the edge (see Scale.maxJoinedArea). */
    boolean joinedToArm;
    /** Where and how big its blob was when it last moved or changed size, and since when it has not. */
    final Anchor rigid = new Anchor();
    /** Where its blob has kept its place since when (see GiveWay.atPlace), and whether it was given up from there. */
    final Anchor place = new Anchor();
    /** Where it took its present blob, and whether that blob has since gone off from there by its length. */
    double takenX;
    double takenY;
    boolean movedOff;
    /** Frames in a row its blob was round (a ball: see GiveWay.leaveABall). */
    int roundFrames;
    /** It was given up from a ball: while lost, it takes no round blob (see GiveWay.leaveABall). */
    boolean ballLeft;
    /** Where its blob was last not round, and whether by cover and at the edge there: where a ball's rat was lost. */
    double shapedX = Double.NaN;
    double shapedY = Double.NaN;
    boolean shapedNearCover;
    boolean shapedAtEdge;

    Track(Animal animal) {
        this.animal = animal;
    }

    public Animal animal() {
        return animal;
    }

    public boolean everSeen() {
        return everSeen;
    }

    public boolean visible() {
        return visible;
    }

    /** Centroid of the visible body, source pixels (where it was last seen when not visible). */
    public double x() {
        return bodyX;
    }

    public double y() {
        return bodyY;
    }

    /** Blob area (px^2) this frame, or the smoothed area when measured from a split contact blob. */
    public double area() {
        return area;
    }

    public double length() {
        return length;
    }

    /** Its length as the scale of its speeds and distances, at least 8 working pixels (a speck's says nothing). */
    double span() {
        return Math.max(length, 8);
    }

    /** Its smoothed speed in its own lengths per second ({@link #span}): what the rest, hold, lunge and rush rules compare. */
    double lengthsPerSecond() {
        return Math.hypot(vx, vy) / span();
    }

    /** Where it is heading in {@code dt} seconds (where it was, when not visible). */
    double predictX(double dt) {
        return visible ? x + vx * dt : x;
    }

    double predictY(double dt) {
        return visible ? y + vy * dt : y;
    }

    public double width() {
        return width;
    }

    /** Long-axis orientation, radians mod pi. */
    public double axis() {
        return axis;
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    public int framesUnseen() {
        return framesUnseen;
    }

    /** Touching or overlapping the other animal this frame (its blob was split). */
    public boolean inContact() {
        return inContact;
    }

    /** In a cover zone, or out of sight after vanishing next to one (or in mid-floor when no zones are set). */
    public boolean inCover() {
        return inCover;
    }

    /** Takes over another track's state (a lone animal turned out to be the other one). */
    void copyFrom(Track o) {
        everSeen = o.everSeen;
        visible = o.visible;
        x = o.x;
        y = o.y;
        bodyX = o.bodyX;
        bodyY = o.bodyY;
        vx = o.vx;
        vy = o.vy;
        area = o.area;
        refArea = o.refArea;
        length = o.length;
        width = o.width;
        axis = o.axis;
        minX = o.minX;
        minY = o.minY;
        maxX = o.maxX;
        maxY = o.maxY;
        lastSeenMs = o.lastSeenMs;
        apartMs = o.apartMs;
        apartX = o.apartX;
        apartY = o.apartY;
        framesUnseen = o.framesUnseen;
        inContact = o.inContact;
        lungeFrames = o.lungeFrames;
        inCover = o.inCover;
        lastSeenNearCover = o.lastSeenNearCover;
        lastSeenAtEdge = o.lastSeenAtEdge;
        joinedToArm = o.joinedToArm;
        rigid.copyFrom(o.rigid);
        place.copyFrom(o.place);
        takenX = o.takenX;
        takenY = o.takenY;
        movedOff = o.movedOff;
        roundFrames = o.roundFrames;
        ballLeft = o.ballLeft;
        shapedX = o.shapedX;
        shapedY = o.shapedY;
        shapedNearCover = o.shapedNearCover;
        shapedAtEdge = o.shapedAtEdge;
    }

    void reset() {
        everSeen = false;
        visible = false;
        framesUnseen = Integer.MAX_VALUE;
        inContact = false;
        lungeFrames = 0;
        inCover = false;
        joinedToArm = false;
        vx = 0;
        vy = 0;
        refArea = 0;
        rigid.clear();
        place.clear();
        movedOff = false;
        roundFrames = 0;
        ballLeft = false;
        shapedX = Double.NaN;
        shapedY = Double.NaN;
    }
}
