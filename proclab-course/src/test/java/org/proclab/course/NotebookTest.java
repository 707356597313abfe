package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the cells of an .ipynb file (nbformat 4) as the terminal runner needs them. */
class NotebookTest {
    @TempDir
    Path folder;

    private Path file(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    // Cells keep their order and kind; a source given as a list of lines is joined as written (each
    // line keeps its own newline), one given as a string is taken whole; tags come from the metadata.
    @Test
    void readsCellsInOrderWithTheirKindSourceAndTags() throws IOException {
        Path path = file("lesson.ipynb", """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# Title\\n", "Some *text*."]},
                  {"cell_type": "code", "metadata": {"tags": ["solution", "hidden"]}, "execution_count": null,
                   "outputs": [], "source": "int a = 1;\\nint b = 2;"},
                  {"cell_type": "code", "metadata": {"collapsed": true}, "execution_count": 3, "outputs": [],
                   "source": []},
                  {"cell_type": "raw", "metadata": {}, "source": "raw text"}
                 ]}
                """);
        Notebook notebook = Notebook.read(path);
        assertEquals(path.toString(), notebook.name());
        assertEquals(List.of(
                new Notebook.Cell("markdown", "# Title\nSome *text*.", List.of()),
                new Notebook.Cell("code", "int a = 1;\nint b = 2;", List.of("solution", "hidden")),
                new Notebook.Cell("code", "", List.of()),
                new Notebook.Cell("raw", "raw text", List.of())), notebook.cells());
        assertEquals(List.of(false, true, true, false), notebook.cells().stream().map(Notebook.Cell::isCode).toList());
    }

    // A notebook without cells is an empty notebook; the lists read cannot be changed.
    @Test
    void anEmptyNotebookHasNoCells() throws IOException {
        Notebook notebook = Notebook.read(file("empty.ipynb", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": []}"));
        assertTrue(notebook.cells().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> notebook.cells().add(null));
    }

    // Anything that is not an nbformat 4 notebook, JSON or not, gets one line that says so and names the file.
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"nbformat\": 3, \"worksheets\": []}",
        "{\"nbformat\": 4}",
        "{\"nbformat\": 4, \"cells\": {}}",
        "[1, 2, 3]",
        "",
        "<project>not json</project>",
        "{\"nbformat\": 4, \"cells\": [",
    })
    void refusesWhatIsNotANotebook(String content) throws IOException {
        Path path = file("other.ipynb", content);
        IOException refused = assertThrows(IOException.class, () -> Notebook.read(path));
        assertTrue(refused.getMessage().startsWith(path + " is not a Jupyter notebook (nbformat 4)"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }

    // A file that is not there is named as missing, not as a wrong format.
    @Test
    void aMissingFileIsNamed() {
        Path path = folder.resolve("missing.ipynb");
        IOException missing = assertThrows(IOException.class, () -> Notebook.read(path));
        assertTrue(missing.getMessage().contains("missing.ipynb"), missing.getMessage());
        assertFalse(missing.getMessage().contains("is not a Jupyter notebook"), missing.getMessage());
    }
}
