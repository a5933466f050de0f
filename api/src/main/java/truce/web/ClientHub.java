package truce.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import truce.alert.Alert;
import truce.live.Cue;
import truce.live.FrameState;
import truce.live.LiveEvents;
import truce.session.SessionInfo;

/**
 * Fans the camera loops' events out to every open WebSocket (/api/live) and SSE (/api/events) client.
 * Each message is serialised once; each client has its own {@link Outbox}, so publishing never blocks.
 */
public final class ClientHub implements LiveEvents {
    private final ObjectMapper json;
    private final Set<Outbox> live = ConcurrentHashMap.newKeySet();
    private final Set<Outbox> events = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    public ClientHub(ObjectMapper json) {
        this.json = json;
        // Build the serialisers now: the first alert must not pay for reflection and class generation.
        write(new Alert(0, 0L, "warm-up", truce.alert.AlertKind.LUNGE, truce.alert.Severity.CRITICAL, 0, 0,
                java.time.Instant.EPOCH, new truce.alert.Point(0, 0), null, false));
        write(new FrameState("frame", "warm-up", null, 0, 0, null, null, null, null, 0));
        write(Cue.calmLook("warm-up", null, 0));
        write(new SessionInfo(0, "warm-up", "", 1, java.time.Instant.EPOCH, null, 0, null, null, false, false));
    }

    Outbox addLive(Outbox.Sender sender) {
        return add(live, sender, "ws");
    }

    Outbox addEvents(Outbox.Sender sender) {
        return add(events, sender, "sse");
    }

    private Outbox add(Set<Outbox> set, Outbox.Sender sender, String kind) {
        Outbox[] box = new Outbox[1];
        box[0] = new Outbox(kind + "-" + ids.incrementAndGet(), sender, () -> set.remove(box[0]));
        set.add(box[0]);
        box[0].start();
        return box[0];
    }

    public int clients() {
        return live.size() + events.size();
    }

    @Override
    public void frame(FrameState state) {
        if (live.isEmpty()) {
            return;
        }
        String s = write(state);
        for (Outbox o : live) {
            o.offerFrame(state.camera(), s);
        }
    }

    @Override
    public void alert(Alert alert) {
        String a = write(alert);
        String wrapped = "{\"type\":\"alert\",\"alert\":" + a + "}";
        for (Outbox o : live) {
            o.offer("alert", wrapped);
        }
        for (Outbox o : events) {
            o.offer("alert", a);
        }
    }

    @Override
    public void cue(Cue cue) {
        String c = write(cue);
        for (Outbox o : live) {
            o.offer("cue", c);
        }
        for (Outbox o : events) {
            o.offer("cue", c);
        }
    }

    @Override
    public void session(SessionInfo session) {
        String s = "{\"type\":\"session\",\"session\":" + write(session) + "}";
        for (Outbox o : live) {
            o.offer("session", s);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void closeAll() {
        for (Outbox o : Set.copyOf(live)) {
            o.close();
        }
        for (Outbox o : Set.copyOf(events)) {
            o.close();
        }
    }

    Map<String, Integer> counts() {
        return Map.of("live", live.size(), "events", events.size());
    }
}
