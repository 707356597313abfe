package org.proclab.magic;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests run cells in one {@link TestNotebook}, opened before the first of them and
 * closed after the last: JShell takes about a second to start, too long to pay for every test.
 */
abstract class NotebookTest {
    static TestNotebook notebook;

    @BeforeAll
    static void openNotebook() {
        notebook = new TestNotebook();
    }

    @AfterAll
    static void closeNotebook() {
        notebook.close();
    }
}
