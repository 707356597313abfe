package org.proclab.engine.exec;

/**
 * How the lines of a stack trace are marked: {@link #PLAIN} for text on stderr and in logs; the
 * kernel's error messages mark the exception's name and the cell frames in bold, which Jupyter renders
 * from the ANSI codes in tracebacks.
 */
public interface TraceStyle {
    /** No marks at all. */
    TraceStyle PLAIN = new TraceStyle() {
        @Override
        public String exceptionType(String type) {
            return type;
        }

        @Override
        public String cellFrame(String place) {
            return place;
        }
    };

    /** The class name in a headline, e.g. {@code java.lang.ArithmeticException}. */
    String exceptionType(String type);

    /** A frame in the user's cell code, e.g. {@code divide (cell [4], line 2)}; other frames stay as they are. */
    String cellFrame(String place);
}
