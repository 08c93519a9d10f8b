package dev.sloscout.app.fx;

import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPropertyTest {
    /** A value whose comparisons are counted; every instance equals every other, as two equal analyses do. */
    private static final class Value {
        static final AtomicInteger comparisons = new AtomicInteger();
        final String name;

        Value(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            comparisons.incrementAndGet();
            return other instanceof Value;
        }

        @Override
        public int hashCode() {
            return 1;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void changeListenersHearOfEveryNewObjectWithoutAComparison() {
        Value a = new Value("a");
        Value b = new Value("b");
        Value c = new Value("c");
        IdentityProperty<Value> property = new IdentityProperty<>(a);
        List<String> heard = new ArrayList<>();
        property.addListener((o, was, now) -> heard.add(was + ">" + now));
        Value.comparisons.set(0);

        property.set(b);
        property.set(b); // the same object: no change
        property.set(c);
        property.set(null);
        property.set(a);

        assertThat(heard).containsExactly("a>b", "b>c", "c>null", "null>a");
        assertThat(Value.comparisons).as("equals calls").hasValue(0);
    }

    @Test
    void aPlainPropertyComparesAndStaysSilentOnEqualValues() { // why the class exists
        SimpleObjectProperty<Value> property = new SimpleObjectProperty<>(new Value("a"));
        List<String> heard = new ArrayList<>();
        property.addListener((o, was, now) -> heard.add(was + ">" + now));
        Value.comparisons.set(0);

        property.set(new Value("b"));

        assertThat(heard).isEmpty();
        assertThat(Value.comparisons).hasPositiveValue();
    }

    @Test
    void oldValuesAreWhatTheListenersLastHeardAndRemovedListenersHearNothing() {
        IdentityProperty<Value> property = new IdentityProperty<>();
        property.set(new Value("before any listener"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        ChangeListener<Value> one = (o, was, now) -> first.add(was + ">" + now);
        property.addListener(one);
        property.addListener((o, was, now) -> second.add(was + ">" + now));

        property.set(new Value("x"));
        property.removeListener(one);
        property.set(new Value("y"));

        assertThat(first).containsExactly("before any listener>x");
        assertThat(second).containsExactly("before any listener>x", "x>y");
    }

    @Test
    void invalidationListenersAndBindingsWorkAsOnAnyProperty() {
        IdentityProperty<Value> property = new IdentityProperty<>();
        AtomicInteger invalidations = new AtomicInteger();
        InvalidationListener listener = o -> {
            invalidations.incrementAndGet();
            property.get(); // validated again, so the next set invalidates it again
        };
        property.addListener(listener);
        SimpleObjectProperty<Value> source = new SimpleObjectProperty<>(new Value("s1"));
        List<String> heard = new ArrayList<>();
        property.addListener((o, was, now) -> heard.add(String.valueOf(now)));

        property.bind(source);
        source.set(new Value("s2"));

        assertThat(invalidations).hasValue(2);
        assertThat(heard).containsExactly("s1", "s2");
        property.removeListener(listener);
        source.set(new Value("s3"));
        assertThat(invalidations).hasValue(2);
        assertThat(heard).containsExactly("s1", "s2", "s3");
    }

    @Test
    void aFailingListenerStopsNoOther() {
        IdentityProperty<Value> property = new IdentityProperty<>();
        List<Throwable> reported = new ArrayList<>();
        Thread thread = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = thread.getUncaughtExceptionHandler();
        thread.setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            List<String> heard = new ArrayList<>();
            property.addListener((o, was, now) -> {
                throw new IllegalStateException("broken view");
            });
            property.addListener((o, was, now) -> heard.add(String.valueOf(now)));

            property.set(new Value("v"));

            assertThat(heard).containsExactly("v");
            assertThat(reported).singleElement().hasFieldOrPropertyWithValue("message", "broken view");
        } finally {
            thread.setUncaughtExceptionHandler(before);
        }
    }
}
