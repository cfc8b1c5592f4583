package org.chempark.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.sdk.rest.Rest;

/**
 * Reads and writes JSON with the platform's ObjectMapper. Request bodies are read through
 * a counting stream so an oversized body is refused with 413 even without Content-Length.
 */
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final ObjectMapper mapper = Json.mapper();

    private static boolean json(MediaType mt) {
        return mt == null || (mt.getSubtype().equals("json") || mt.getSubtype().endsWith("+json"));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && type != String.class && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        JavaType jt = mapper.getTypeFactory().constructType(genericType);
        // a JsonProcessingException is mapped to 400 by ProblemMapper with the location and the field
        try (InputStream in = new LimitedInputStream(entityStream, Rest.MAX_BODY_BYTES)) {
            return mapper.readValue(in, jt);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return json(mediaType) && type != String.class && !InputStream.class.isAssignableFrom(type)
                && !javax.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object t, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writerFor(mapper.getTypeFactory().constructType(genericType)).writeValue(new NonClosing(entityStream), t);
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
