package truce.zones;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a zone of the playpen is: where the rat takes cover, the clear barrier, or the cat's perch. */
public enum ZoneKind {
    COVER, BARRIER, PERCH;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ZoneKind fromLabel(String label) {
        for (ZoneKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown zone kind '" + label + "' (expected cover, barrier or perch)");
    }
}
