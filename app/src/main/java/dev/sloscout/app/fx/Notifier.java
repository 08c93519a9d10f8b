package dev.sloscout.app.fx;

/** How view models tell the user something: readable text first, the details (a stack trace) on demand. */
public interface Notifier {
    /** Tells nobody (headless uses of view models, tests). */
    Notifier SILENT = new Notifier() {
        @Override
        public void info(String title, String text) {
        }

        @Override
        public void warning(String title, String text, String details) {
        }

        @Override
        public void error(String title, String text, Throwable details) {
        }
    };

    void info(String title, String text);

    void warning(String title, String text, String details);

    void error(String title, String text, Throwable details);
}
