package truce.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Reading and validating request inputs: every failure is a 400 (or 404) with a message, never a 500. */
final class Requests {
    private static final int MAX_BODY = 1 << 20;

    private Requests() {
    }

    static <T> T body(Context ctx, ObjectMapper json, Class<T> type) {
        String body = checkedBody(ctx);
        return parse(() -> json.readValue(body, type));
    }

    /**
     * A partial update: the body's fields are merged into {@code current} (objects field by field, any other value
     * replaces the old one), so a client that sends one section, or one field of it, changes only that.
     */
    static <T> T update(Context ctx, ObjectMapper json, T current, Class<T> type) {
        String body = checkedBody(ctx);
        JsonNode patch = parse(() -> json.readTree(body));
        if (!patch.isObject()) {
            throw new BadRequestResponse("request body must be a JSON object");
        }
        ObjectNode merged = json.valueToTree(current);
        merge(merged, (ObjectNode) patch);
        return parse(() -> json.treeToValue(merged, type));
    }

    private static void merge(ObjectNode into, ObjectNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode old = into.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) {
                merge(o, p);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static String checkedBody(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadRequestResponse("request body must be JSON");
        }
        if (body.length() > MAX_BODY) {
            throw new BadRequestResponse("request body too large");
        }
        return body;
    }

    private interface JsonRead<T> {
        T read() throws JsonProcessingException;
    }

    private static <T> T parse(JsonRead<T> read) {
        try {
            T t = read.read();
            if (t == null || t instanceof JsonNode n && n.isNull()) {
                throw new BadRequestResponse("request body must be a JSON object");
            }
            return t;
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException) {
                throw new BadRequestResponse(root.getMessage());
            }
            throw new BadRequestResponse("invalid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static long id(Context ctx, String param) {
        String s = ctx.pathParam(param);
        try {
            long v = Long.parseLong(s);
            if (v <= 0) {
                throw new NotFoundResponse("no such id " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(param + " must be a number, was '" + s + "'");
        }
    }

    static boolean flag(Context ctx, String param) {
        String s = ctx.queryParam(param);
        if (s == null) {
            return false;
        }
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BadRequestResponse(param + " must be true or false");
        };
    }
}
