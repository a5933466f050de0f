package truce.behaviour;

/** The cat's posture in one frame, as defined in product.md. */
public enum CatPosture implements BehaviourState {
    CALM, STALKING, LUNGING;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a CSV label; an empty or null cell means no cat in view and gives null. */
    public static CatPosture fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        for (CatPosture p : values()) {
            if (p.label().equals(label.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown cat posture '" + label + "' (expected calm, stalking or lunging)");
    }
}
