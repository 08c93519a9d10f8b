package dev.sloscout.engine.model;

import java.util.Objects;

/**
 * A typed attribute key. Values are {@link String} or {@link Long}; decoders coerce what the wire carries
 * (a status code written as {@code "503"} still becomes a {@code Long}).
 */
public final class AttributeKey<T> {
    private final String name;
    private final Class<T> type;

    private AttributeKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
    }

    public static AttributeKey<String> stringKey(String name) {
        return new AttributeKey<>(name, String.class);
    }

    public static AttributeKey<Long> longKey(String name) {
        return new AttributeKey<>(name, Long.class);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** Converts a raw wire value to this key's type, or returns null when it cannot be. */
    public T coerce(Object raw) {
        if (raw == null) {
            return null;
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        if (type == Long.class) {
            if (raw instanceof Number number) {
                return type.cast(number.longValue());
            }
            try {
                return type.cast(Long.parseLong(raw.toString().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return type.cast(raw.toString());
    }

    @Override
    public String toString() {
        return name;
    }
}
