package truce.behaviour;

/** The rat's state in one frame, as defined in product.md. */
public enum RatState implements BehaviourState {
    EXPLORING, HIDING, FLEEING;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a CSV label; an empty or null cell gives null. */
    public static RatState fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        for (RatState s : values()) {
            if (s.label().equals(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown rat state '" + label + "' (expected exploring, hiding or fleeing)");
    }
}
