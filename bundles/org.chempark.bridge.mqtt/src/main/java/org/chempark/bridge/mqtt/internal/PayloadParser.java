package org.chempark.bridge.mqtt.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Turns the payload of {@code chempark/v1/{deviceId}/readings} (see docs/mqtt.md) into readings:
 * {@code {"readings":[{"point":…,"ts":…,"value":…,"quality":…},…]}} or the single-reading
 * shorthand {@code {"point":…,"value":…,"ts":…}}. Streaming (no tree), thread-safe.
 */
public final class PayloadParser {
    /** Most readings one message may carry. */
    public static final int MAX_READINGS = 1000;
    /** Largest payload accepted, in bytes (256 KiB). */
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_POINT_LENGTH = 128;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A payload that cannot be turned into readings; the message says what is wrong, for the dead-letter list. */
    public static final class MalformedPayloadException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedPayloadException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param payload    the MQTT payload (UTF-8 JSON)
     * @param source     reading source, {@code mqtt:{deviceId}}
     * @param receivedAt timestamp for readings without {@code ts}
     */
    public List<Reading> parse(byte[] payload, String source, Instant receivedAt) throws MalformedPayloadException {
        if (payload.length > MAX_BYTES) {
            throw new MalformedPayloadException("payload is " + payload.length + " bytes, more than the " + MAX_BYTES
                    + " allowed; split it into several messages");
        }
        if (payload.length == 0) {
            throw new MalformedPayloadException("empty payload; send a JSON object with \"readings\" or \"point\"");
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("payload is not a JSON object");
            }
            List<Reading> out = new ArrayList<>();
            ReadingFields single = new ReadingFields();
            boolean sawReadings = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("readings".equals(name)) {
                    sawReadings = true;
                    readArray(p, out, source, receivedAt);
                } else if (!single.field(name, p, "")) {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new MalformedPayloadException("payload is not one complete JSON object");
            }
            if (p.nextToken() != null) {
                throw new MalformedPayloadException("data after the end of the JSON object");
            }
            if (sawReadings) {
                if (single.point != null) {
                    throw new MalformedPayloadException("both \"readings\" and \"point\" given; use one form");
                }
                return out;
            }
            if (single.point == null) {
                throw new MalformedPayloadException("neither \"readings\" nor \"point\" given");
            }
            out.add(single.toReading("", source, receivedAt));
            return out;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("invalid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new MalformedPayloadException("unreadable payload: " + e.getMessage());
        }
    }

    private static void readArray(JsonParser p, List<Reading> out, String source, Instant receivedAt)
            throws IOException, MalformedPayloadException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedPayloadException("\"readings\" must be an array");
        }
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String at = "readings[" + i + "].";
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException(at.substring(0, at.length() - 1) + " must be an object");
            }
            if (out.size() >= MAX_READINGS) {
                throw new MalformedPayloadException("more than " + MAX_READINGS + " readings in one message; split it");
            }
            ReadingFields f = new ReadingFields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!f.field(name, p, at)) {
                    p.skipChildren();
                }
            }
            if (f.point == null) {
                throw new MalformedPayloadException(at + "point is missing");
            }
            out.add(f.toReading(at, source, receivedAt));
            i++;
        }
    }

    private static final class ReadingFields {
        String point;
        Instant ts;
        double value = Double.NaN;
        boolean hasValue;
        Quality quality = Quality.GOOD;

        /** @return false if the field is not one of ours (caller skips it) */
        boolean field(String name, JsonParser p, String at) throws IOException, MalformedPayloadException {
            JsonToken t = p.currentToken();
            switch (name) {
                case "point" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw new MalformedPayloadException(at + "point must be a string (the monitoring point code)");
                    }
                    String s = p.getText().trim();
                    if (s.isEmpty() || s.length() > MAX_POINT_LENGTH) {
                        throw new MalformedPayloadException(at + "point must have 1 to " + MAX_POINT_LENGTH + " characters");
                    }
                    point = s;
                }
                case "value" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        value = p.getDoubleValue();
                        hasValue = true;
                    } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        value = t == JsonToken.VALUE_TRUE ? 1 : 0;
                        hasValue = true;
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw new MalformedPayloadException(at + "value must be a number");
                    }
                }
                case "ts" -> ts = timestamp(p, t, at);
                case "quality" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw new MalformedPayloadException(at + "quality must be GOOD, UNCERTAIN or BAD");
                    }
                    try {
                        quality = Quality.valueOf(p.getText().trim().toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new MalformedPayloadException(at + "quality must be GOOD, UNCERTAIN or BAD, got \"" + p.getText() + "\"");
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        Reading toReading(String at, String source, Instant receivedAt) throws MalformedPayloadException {
            if (quality == Quality.GOOD && (!hasValue || !Double.isFinite(value))) {
                throw new MalformedPayloadException(at + "value is missing or not finite for a GOOD reading");
            }
            return new Reading(point, ts == null ? receivedAt : ts, hasValue ? value : Double.NaN, quality, source);
        }
    }

    private static Instant timestamp(JsonParser p, JsonToken t, String at) throws IOException, MalformedPayloadException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long ms = p.getLongValue();
            if (ms < 0 || ms > 253_402_300_799_999L) {
                throw new MalformedPayloadException(at + "ts " + ms + " is not epoch milliseconds between 1970 and 9999");
            }
            return Instant.ofEpochMilli(ms);
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new MalformedPayloadException(at + "ts must be an ISO-8601 string or epoch milliseconds");
        }
        String s = p.getText().trim();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw new MalformedPayloadException(at + "ts \"" + s + "\" is not ISO-8601 with a zone (e.g. 2026-11-28T10:00:00.123Z)");
            }
        }
    }
}
