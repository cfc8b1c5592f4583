package org.chempark.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;

import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** Every failure becomes a problem a client can act on; nothing leaks internals. */
class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    private ProblemException readFailure(String json, java.lang.reflect.Type type) {
        try {
            new JsonProvider().readFrom(Object.class, type, null, javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE, null,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return mapper.toProblem(e);
        }
        throw new AssertionError("expected a failure for " + json);
    }

    record Sample(String name, Integer count, List<String> tags) {
    }

    /** A stand-in named like Jetty's org.eclipse.jetty.io.EofException (matched by class name, no Jetty dependency). */
    static final class EofException extends java.io.EOFException {
    }

    @Test
    void aClientThatWentAwayIsNotAnUnexpectedError() {
        assertThat(ProblemMapper.clientGone(new RuntimeException(new EofException()))).isTrue();
        assertThat(ProblemMapper.clientGone(new java.io.IOException("Broken pipe"))).isTrue();
        assertThat(ProblemMapper.clientGone(new IllegalStateException("boom"))).isFalse();
        assertThat(ProblemMapper.clientGone(new java.io.IOException("disk full"))).isFalse();
    }

    @Test
    void malformedJsonIs400WithLocation() {
        ProblemException p = readFailure("{\"name\": ", Sample.class);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.detail()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void wrongTypeAndUnknownFieldsNameTheField() {
        ProblemException p = readFailure("{\"count\": \"many\"}", Sample.class);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors().get(0).field()).isEqualTo("count");
        assertThat(p.detail()).contains("a number");
        ProblemException u = readFailure("{\"nmae\": \"x\"}", Sample.class);
        assertThat(u.errors().get(0).field()).isEqualTo("nmae");
        assertThat(u.detail()).contains("known fields").contains("name");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat((int) org.chempark.sdk.rest.Rest.MAX_BODY_BYTES) + "\"}";
        ProblemException p = readFailure(big, Sample.class);
        assertThat(p.status()).isEqualTo(413);
    }

    @Test
    void jaxRsErrorsAndUnexpectedOnes() {
        assertThat(mapper.toProblem(new NotFoundException()).status()).isEqualTo(404);
        assertThat(mapper.toProblem(new NotFoundException(new NumberFormatException("For input string: \"abc\""))).status())
                .as("an unconvertible parameter is the client's input").isEqualTo(400);
        assertThat(mapper.toProblem(new NotAllowedException("GET")).status()).isEqualTo(405);
        ProblemException internal = mapper.toProblem(new IllegalStateException("secret table xyz is broken"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.detail()).doesNotContain("secret").contains("reference");
    }

    @Test
    void openApiIsGeneratedFromResourceClasses() {
        String doc = OpenApiResource.generate(java.util.Set.of(OpenApiResource.class));
        assertThat(doc).contains("\"openapi\"").contains("/openapi.json");
    }
}
