package org.chempark.core.rest.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Problem;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into an RFC 7807 problem a person can act on. Expected problems
 * (validation, unknown paths, malformed JSON) are not logged as errors; only unexpected
 * ones are, with a reference the client also sees, and never with details in the response.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        return respond(toProblem(e));
    }

    /** Jetty's EofException, or an IOException of a reset/broken connection, anywhere in the cause chain. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("EofException")) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof java.io.IOException && m != null && (m.contains("Broken pipe") || m.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    ProblemException toProblem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p;
        }
        LimitedInputStream.BodyTooLargeException tooLarge = find(e, LimitedInputStream.BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge.limit);
        }
        if (e instanceof JsonProcessingException j) {
            return json(j);
        }
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        if (clientGone(e)) {
            // the caller closed the connection while the answer was written (a page navigated away): nothing to
            // answer and nothing wrong on this side
            LOG.debug("Client went away while {} was answered: {}", path(), e.toString());
            return new ProblemException(499, "Client closed request", "The client closed the connection", List.of());
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} serving {}", ref, path(), e);
        return new ProblemException(500, "Internal error",
                "An unexpected error occurred; nothing was changed by a failed write. Quote reference " + ref
                        + " to the park IT admin.", List.of());
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Payload too large",
                "The request body is larger than " + limit + " bytes; send smaller requests (split large imports)", List.of());
    }

    private ProblemException json(JsonProcessingException j) {
        if (j instanceof StreamConstraintsException) {
            return ProblemException.badRequest("The JSON body is too deeply nested or has a too long value: " + j.getOriginalMessage());
        }
        if (j instanceof JsonParseException) {
            JsonLocation loc = j.getLocation();
            return ProblemException.badRequest("The body is not valid JSON" + (loc == null ? "" : " (line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr() + ")") + ": " + firstLine(j.getOriginalMessage()));
        }
        if (j instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            String known = u.getKnownPropertyIds() == null ? "" : "; known fields: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new ProblemException(400, "Bad request", "unknown field '" + field + "'" + known,
                    List.of(new FieldError(field, "unknown", "unknown field '" + field + "'")));
        }
        if (j instanceof InvalidFormatException f) {
            String field = path(f);
            String msg = field + " must be " + describe(f.getTargetType()) + " (got " + f.getValue() + ")";
            return new ProblemException(400, "Bad request", msg, List.of(new FieldError(field, "type", msg)));
        }
        if (j instanceof MismatchedInputException m) {
            String field = path(m);
            String msg = field.isEmpty() ? "the body must be " + describe(m.getTargetType())
                    : field + " must be " + describe(m.getTargetType());
            return new ProblemException(400, "Bad request", msg, List.of(new FieldError(field, "type", msg)));
        }
        if (j instanceof JsonMappingException m) {
            String field = path(m);
            Throwable cause = m.getCause();
            String why = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : firstLine(m.getOriginalMessage());
            return new ProblemException(400, "Bad request", (field.isEmpty() ? "" : field + ": ") + why,
                    List.of(new FieldError(field, "type", why)));
        }
        return ProblemException.badRequest("The JSON body could not be read: " + firstLine(j.getOriginalMessage()));
    }

    private ProblemException web(WebApplicationException w) {
        int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
        switch (status) {
            case 404:
                if (w.getCause() != null) {
                    // JAX-RS answers 404 when a query/path parameter cannot be converted: that is the client's input
                    return ProblemException.badRequest("A parameter has the wrong type: " + firstLine(w.getCause().getMessage()));
                }
                return new ProblemException(404, "Not found", "There is no resource at " + path()
                        + "; see " + Rest.BASE_PATH + "/openapi.json for the API (a module that is not installed has no resources)", List.of());
            case 405:
                return new ProblemException(405, "Method not allowed", "This method is not allowed on " + path()
                        + "; allowed: " + w.getResponse().getAllowedMethods(), List.of());
            case 415:
                return new ProblemException(415, "Unsupported media type", "Send the body as application/json", List.of());
            case 406:
                return new ProblemException(406, "Not acceptable", "This resource answers application/json", List.of());
            default:
                break;
        }
        if (status >= 500) {
            String ref = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} serving {}", ref, path(), w);
            return new ProblemException(status, "Internal error", "An unexpected error occurred; quote reference " + ref, List.of());
        }
        String reason = w.getResponse().getStatusInfo().getReasonPhrase();
        return new ProblemException(status, reason, w.getMessage() == null ? reason : w.getMessage(), List.of());
    }

    private Response respond(ProblemException p) {
        return Response.status(p.status()).type(MediaType.valueOf(Rest.PROBLEM_JSON)).entity(Problem.of(p, path())).build();
    }

    private String path() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> t) {
        if (t == null) {
            return "of the right type";
        }
        if (t.isEnum()) {
            Object[] values = t.getEnumConstants();
            return "one of " + java.util.Arrays.toString(values);
        }
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "an ISO-8601 date/time";
        }
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
