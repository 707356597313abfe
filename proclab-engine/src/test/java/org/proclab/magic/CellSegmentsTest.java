package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a cell is cut into Java code, line magics and a cell magic. */
class CellSegmentsTest {
    // A plain Java cell, even one using the modulo operator, has no magics and stays one piece.
    @Test
    void javaWithoutMagicsIsOnePiece() {
        CellSegments cell = CellSegments.parse("int a = 7;\nint b = a\n    % 3;\nb");
        assertFalse(cell.hasMagics());
        assertEquals(List.of(new CellSegments.Java("int a = 7;\nint b = a\n    % 3;\nb\n")), cell.segments());
    }

    // Line magics split the Java around them; later Java keeps its line numbers through leading empty lines.
    @Test
    void lineMagicsSplitTheJava() {
        CellSegments cell = CellSegments.parse("int x = 1;\n%time x + 1\n  %ps\nx * 2");
        assertTrue(cell.hasMagics());
        assertEquals(List.of(new CellSegments.Java("int x = 1;\n"), new CellSegments.LineMagicCall("time", "x + 1", 2),
                new CellSegments.LineMagicCall("ps", "", 3), new CellSegments.Java("\n\n\nx * 2\n")), cell.segments());
    }

    // A cell whose first line is %%name is a cell magic: the rest of the cell is its body, magic-looking lines included.
    @Test
    void cellMagicTakesTheRestOfTheCell() {
        CellSegments cell = CellSegments.parse("\n%%time   \nint y = 2;\n%ps\ny");
        assertEquals(List.of(new CellSegments.CellMagicCall("time", "", "int y = 2;\n%ps\ny")), cell.segments());
    }
}
