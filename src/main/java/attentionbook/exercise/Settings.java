package attentionbook.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The options of one declared exercise, checked against its kind: every option has a value. */
public final class Settings {
    private final Map<String, Object> values;
    private final Map<String, Object> given;

    private Settings(Map<String, Object> values, Map<String, Object> given) {
        this.values = values;
        this.given = given;
    }

    /**
     * Checks what an author wrote (words as Strings, numbers as Integers) against the kind's options.
     * IllegalArgumentException naming the option when one is unknown or has a bad value.
     */
    public static Settings of(List<Option> options, Map<String, Object> written) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option option : options) {
            values.put(option.name(), option.fallback());
        }
        Map<String, Object> given = new TreeMap<>();
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            Option option = options.stream().filter(o -> o.name().equals(entry.getKey())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown option \"" + entry.getKey() + "\"; " + known(options)));
            Object value = option.validate(entry.getValue());
            values.put(option.name(), value);
            given.put(option.name(), value);
        }
        return new Settings(Map.copyOf(values), Map.copyOf(given));
    }

    public static Settings defaults(List<Option> options) {
        return of(options, Map.of());
    }

    public int number(String name) {
        return (Integer) require(name);
    }

    public String word(String name) {
        return (String) require(name);
    }

    /** The options the author set, in name order (the defaults left out). */
    public Map<String, Object> written() {
        return new TreeMap<>(given);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no option \"" + name + "\"");
        }
        return value;
    }

    private static String known(List<Option> options) {
        if (options.isEmpty()) {
            return "this exercise takes no options";
        }
        return "the options are " + String.join("; ", options.stream().map(Option::describe).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
