package attentionbook.model;

/** A run configuration outside its limits; the message names the field and the limit. */
public final class ConfigException extends IllegalArgumentException {

    private final String field;

    ConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as written in the canonical form: "d_model", "heads", … */
    public String field() {
        return field;
    }
}
