package attentionbook.book;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one place the book's Jackson mappers are built, for chapter blocks, front matter, course files
 * and the API alike: a key given twice is a mistake, not a silent overwrite; nothing may follow the
 * value; NaN and Infinity are not numbers; arrays nest at most {@link #MAX_NESTING} deep (our bodies
 * nest three deep, so a deeper one gets a clear error instead of a deep recursion). Doubles are written
 * in their shortest round-trip form by Jackson's Schubfach writer.
 */
public final class Mappers {
    /** How deep arrays and objects may nest in anything the book reads. */
    public static final int MAX_NESTING = 32;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build();

    /** JSON: chapter blocks, course.json and the API's bodies and answers. */
    public static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)   // a 64-wide layer is 17,000 doubles to read
            .build();

    /** YAML: chapters' front matter and course files. */
    public static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Mappers() {
    }
}
