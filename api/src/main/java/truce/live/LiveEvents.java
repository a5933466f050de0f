package truce.live;

import truce.alert.Alert;
import truce.session.SessionInfo;

/** Where the camera loops publish what live clients see. Every method returns at once (never blocks). */
public interface LiveEvents {
    void frame(FrameState state);

    void alert(Alert alert);

    void cue(Cue cue);

    void session(SessionInfo session);
}
