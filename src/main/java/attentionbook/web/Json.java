package attentionbook.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper: strict on input (no NaN, no trailing commas, no duplicate keys), plain on output. */
public final class Json {
    private Json() {
    }

    /** Arrays nest three deep at most in our bodies; 32 leaves room for a clear error instead of a stack overflow. */
    static final int MAX_NESTING = 32;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS)
            // doubles are most of what the API sends: Jackson's Schubfach writer, shortest round-trip form
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }
}
