package truce.web;

import com.fasterxml.jackson.databind.JsonMappingException;
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
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadRequestResponse("request body must be JSON");
        }
        if (body.length() > MAX_BODY) {
            throw new BadRequestResponse("request body too large");
        }
        try {
            T t = json.readValue(body, type);
            if (t == null) {
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
