package dev.sloscout.app.fx;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

import java.util.ArrayList;
import java.util.List;

/**
 * An object property whose change listeners hear of every new value object, without comparing values.
 *
 * <p>A plain JavaFX property calls {@code Objects.equals(old, new)} on the FX thread before it tells its change
 * listeners, and tells them nothing when the two are equal. For a value such as a whole analysis (records of records:
 * journeys, histories, sample traces, the data-quality report) that comparison walks both object graphs: measured on
 * the demo's analyses, 4-14 ms each time and about 90 ms the first time (every record class's {@code equals} linked
 * and run cold), long enough to freeze the window when a second set of files has been analysed. Here a change is a
 * different object; an equal analysis of the same files is still news to the views. Invalidation listeners work as
 * on any property. Like every JavaFX property, for one thread (the FX thread).
 */
public final class IdentityProperty<T> extends SimpleObjectProperty<T> {
    private final List<ChangeListener<? super T>> changeListeners = new ArrayList<>();
    private T reported;

    public IdentityProperty() {
    }

    public IdentityProperty(T initial) {
        super(initial);
    }

    @Override
    public void addListener(ChangeListener<? super T> listener) {
        if (changeListeners.isEmpty()) {
            reported = get();
        }
        changeListeners.add(listener);
    }

    @Override
    public void removeListener(ChangeListener<? super T> listener) {
        changeListeners.remove(listener);
    }

    @Override
    protected void fireValueChangedEvent() {
        super.fireValueChangedEvent(); // invalidation listeners: the super class keeps only those
        if (changeListeners.isEmpty()) {
            return;
        }
        T old = reported;
        T now = get();
        if (old != now) {
            reported = now;
            for (ChangeListener<? super T> listener : List.copyOf(changeListeners)) {
                try {
                    listener.changed(this, old, now);
                } catch (RuntimeException e) { // as JavaFX's own properties do: one listener's failure stops no other
                    Thread thread = Thread.currentThread();
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                }
            }
        }
    }
}
