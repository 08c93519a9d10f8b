package dev.sloscout.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable set of typed attributes. Small by design: only {@link SpanAttributes} keys are kept. */
public final class Attributes {
    public static final Attributes EMPTY = new Attributes(new Object[0]);

    /** Alternating keys and values. */
    private final Object[] entries;

    private Attributes(Object[] entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(AttributeKey<T> key) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] == key) {
                return (T) entries[i + 1];
            }
        }
        return null;
    }

    public int size() {
        return entries.length / 2;
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** These attributes with every string value passed through {@code f}; this instance when none changed. */
    public Attributes mapStrings(java.util.function.UnaryOperator<String> f) {
        Object[] copy = null;
        for (int i = 1; i < entries.length; i += 2) {
            if (entries[i] instanceof String text) {
                String mapped = f.apply(text);
                if (!mapped.equals(text)) {
                    copy = copy == null ? entries.clone() : copy;
                    copy[i] = mapped;
                }
            }
        }
        return copy == null ? this : new Attributes(copy);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(((AttributeKey<?>) entries[i]).name(), entries[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Collects attributes; a later value for the same key replaces the earlier one. */
    public static final class Builder {
        private final List<Object> entries = new ArrayList<>(4);

        public <T> Builder put(AttributeKey<T> key, T value) {
            if (value == null) {
                return this;
            }
            for (int i = 0; i < entries.size(); i += 2) {
                if (entries.get(i) == key) {
                    entries.set(i + 1, value);
                    return this;
                }
            }
            entries.add(key);
            entries.add(value);
            return this;
        }

        /** Keeps the value if the wire name is a kept key and the value can be coerced to its type. */
        public Builder putWire(String wireName, Object rawValue) {
            AttributeKey<?> key = SpanAttributes.forWireName(wireName);
            if (key != null) {
                putCoerced(key, rawValue);
            }
            return this;
        }

        /** Keeps the raw value under a known key if it can be coerced to the key's type. */
        public <T> Builder putCoerced(AttributeKey<T> key, Object raw) {
            return put(key, key.coerce(raw));
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        /** Empties the builder for reuse; attributes already built are not affected. */
        public Builder clear() {
            entries.clear();
            return this;
        }

        public Attributes build() {
            return entries.isEmpty() ? EMPTY : new Attributes(entries.toArray());
        }
    }
}
