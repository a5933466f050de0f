package truce.alert;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import truce.live.LiveEvents;
import truce.store.AlertStore;

/**
 * Numbers a raised alert, delivers it to live clients first (that is the latency that matters), then stores it
 * and hands it to the webhooks. A storage failure (full disk) is logged: the alert has still been delivered.
 */
public final class AlertDispatcher implements Consumer<Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertStore store;
    private final LiveEvents events;
    private final List<Consumer<Alert>> after;

    public AlertDispatcher(AlertStore store, LiveEvents events, List<Consumer<Alert>> after) {
        this.store = store;
        this.events = events;
        this.after = after;
    }

    @Override
    public void accept(Alert raised) {
        Alert a = raised.withId(store.nextId());
        events.alert(a);
        try {
            store.insert(a);
        } catch (RuntimeException e) {
            LOG.error("alert {} {} delivered but not stored: {}", a.id(), a.kind(), e.getMessage());
        }
        for (Consumer<Alert> c : after) {
            c.accept(a);
        }
        LOG.info("alert {} {} on {} (session {}, frame {})", a.id(), a.kind(), a.camera(), a.sessionId(), a.frame());
    }
}
