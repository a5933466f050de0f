package truce.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgently a person must look. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
