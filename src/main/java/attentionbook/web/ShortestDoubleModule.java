package attentionbook.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Has Jackson write doubles with {@link ShortestDouble}: the same text Jackson wrote before, in half
 * the time. A number, a row (double[], or Double[] whose nulls are the mask's hidden cells)
 * or a matrix (double[][]) is laid out as ASCII bytes and handed to Jackson in one piece, which its
 * UTF-8 writer copies as it is: the API's answers are hundreds of numbers in a few dozen matrices,
 * and Jackson's own way (a String per number, then char by char into bytes) took most of a request's
 * time. A number that is not finite is written as Jackson writes it, as the string "NaN",
 * "Infinity" or "-Infinity" (the API refuses those before it gets here).
 */
final class ShortestDoubleModule extends SimpleModule {

    ShortestDoubleModule() {
        super("ShortestDoubleModule");
        addSerializer(double[][].class, new Whole<>(double[][].class));
        addSerializer(double[].class, new Whole<>(double[].class));
        addSerializer(Double[].class, new Whole<>(Double[].class));
        addSerializer(Double.class, new Whole<>(Double.class));
        addSerializer(double.class, new Whole<>(double.class));
    }

    /** Lays the value out as JSON and writes it as one raw value. */
    private static final class Whole<T> extends StdSerializer<T> {
        Whole(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof TokenBuffer) {
                // valueToTree and convertValue build values, not text: give them numbers
                numbers(value, gen);
                return;
            }
            Ascii text = new Ascii(sizeHint(value));
            text.add(value);
            gen.writeRawValue(text);
        }

        /** Room for numbers of 20 characters, a typical length, so that the buffer seldom grows. */
        private static int sizeHint(Object value) {
            if (value instanceof double[][] matrix) {
                int cells = 0;
                for (double[] row : matrix) {
                    cells += row == null ? 1 : row.length + 1;
                }
                return 20 * cells + 2;
            }
            if (value instanceof double[] row) {
                return 20 * row.length + 2;
            }
            if (value instanceof Double[] cells) {
                return 20 * cells.length + 2;
            }
            return ShortestDouble.MAX_CHARS;
        }

        private static void numbers(Object value, JsonGenerator gen) throws IOException {
            if (value == null) {
                gen.writeNull();
            } else if (value instanceof double[][] matrix) {
                gen.writeStartArray();
                for (double[] row : matrix) {
                    numbers(row, gen);
                }
                gen.writeEndArray();
            } else if (value instanceof double[] row) {
                gen.writeArray(row, 0, row.length);
            } else if (value instanceof Double[] cells) {
                gen.writeStartArray();
                for (Double cell : cells) {
                    if (cell == null) {
                        gen.writeNull();
                    } else {
                        gen.writeNumber(cell);
                    }
                }
                gen.writeEndArray();
            } else {
                gen.writeNumber((Double) value);
            }
        }
    }

    /**
     * JSON text as ASCII bytes, growing as values are added. Jackson's UTF-8 writer takes it through
     * appendUnquotedUTF8 (a copy); its other methods serve the other writers.
     */
    static final class Ascii implements SerializableString {
        private byte[] bytes;
        private int length;

        Ascii(int capacity) {
            bytes = new byte[Math.max(capacity, ShortestDouble.MAX_CHARS)];
        }

        /** A Double (null for a hidden cell), a double[], or an array of those (double[][], Double[]). */
        void add(Object value) {
            if (value == null) {
                append("null");
            } else if (value instanceof Double number) {
                number(number);
            } else if (value instanceof double[] row) {
                append('[');
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        append(',');
                    }
                    number(row[i]);
                }
                append(']');
            } else {
                Object[] items = (Object[]) value;
                append('[');
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        append(',');
                    }
                    add(items[i]);
                }
                append(']');
            }
        }

        private void number(double value) {
            if (Double.isFinite(value)) {
                room(ShortestDouble.MAX_CHARS);
                length = ShortestDouble.write(value, bytes, length);
            } else {
                append("\"" + value + "\"");
            }
        }

        private void append(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        private void append(String ascii) {
            room(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                bytes[length++] = (byte) ascii.charAt(i);
            }
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        @Override
        public String getValue() {
            return new String(bytes, 0, length, StandardCharsets.US_ASCII);
        }

        @Override
        public int charLength() {
            return length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOf(bytes, length);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1;
            }
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (char) bytes[i];
            }
            return length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
            return length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < length) {
                return -1;
            }
            buffer.put(bytes, 0, length);
            return length;
        }

        // The quoted forms (the text as a JSON string) are for names and strings, never for a value written raw;
        // they are here because the interface asks for them.

        @Override
        public char[] asQuotedChars() {
            return JsonStringEncoder.getInstance().quoteAsString(getValue());
        }

        @Override
        public byte[] asQuotedUTF8() {
            return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            byte[] quoted = asQuotedUTF8();
            if (offset + quoted.length > buffer.length) {
                return -1;
            }
            System.arraycopy(quoted, 0, buffer, offset, quoted.length);
            return quoted.length;
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            char[] quoted = asQuotedChars();
            if (offset + quoted.length > buffer.length) {
                return -1;
            }
            System.arraycopy(quoted, 0, buffer, offset, quoted.length);
            return quoted.length;
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            byte[] quoted = asQuotedUTF8();
            out.write(quoted);
            return quoted.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            byte[] quoted = asQuotedUTF8();
            if (buffer.remaining() < quoted.length) {
                return -1;
            }
            buffer.put(quoted);
            return quoted.length;
        }
    }
}
