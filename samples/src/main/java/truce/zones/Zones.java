package truce.zones;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A camera's zones file (API.md): {@code {"viewWidthCm": 120.0, "zones": [{"kind":"cover","name":..,"polygon":..}]}}.
 * {@code viewWidthCm} is the width of floor the picture spans; null when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Zones(Double viewWidthCm, List<Zone> zones) {
    public static final int MAX_ZONES = 100;

    /** No zones and no known floor width. */
    public static final Zones NONE = new Zones(null, List.of());

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Zones {
        if (viewWidthCm != null && !(viewWidthCm > 0 && viewWidthCm < 100_000)) {
            throw new IllegalArgumentException("viewWidthCm must be a positive number of centimetres, was " + viewWidthCm);
        }
        zones = zones == null ? List.of() : zones;
        if (zones.size() > MAX_ZONES) {
            throw new IllegalArgumentException("at most " + MAX_ZONES + " zones");
        }
        for (Zone z : zones) {
            if (z == null) { // List.contains(null) throws on immutable lists
                throw new IllegalArgumentException("a zone may not be null");
            }
        }
        zones = List.copyOf(zones);
    }

    /** The zones of one kind, in file order. */
    public List<Zone> ofKind(ZoneKind kind) {
        return zones.stream().filter(z -> z.kind() == kind).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write zones JSON", e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n");
    }

    public static Zones parse(String json) {
        try {
            Zones z = JSON.readValue(json, Zones.class);
            if (z == null) {
                throw new IllegalArgumentException("zones JSON is empty");
            }
            return z;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("malformed zones JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a zones file; a malformed file gives an IOException naming the file and the problem. */
    public static Zones read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
