package dev.sloscout.app.gui;

/** How view models tell the user something: readable text first, the details (a stack trace) on demand. */
public interface Notifier {
    void info(String title, String text);

    void warning(String title, String text, String details);

    void error(String title, String text, Throwable details);
}
