package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.jshell.JavaEvaluator;

/** One real JavaEvaluator shared by all tests; completion and inspection use its source analysis. */
class CodeAssistTest {
    private static JavaEvaluator evaluator;
    private static CodeAssist assist;

    @BeforeAll
    static void startJShell() {
        evaluator = new JavaEvaluator();
        assist = new CodeAssist(evaluator.analysis(), MagicRegistry.standard());
    }

    @AfterAll
    static void closeJShell() {
        evaluator.close();
    }

    // A magic's name at the start of a line completes from the magics, the range covering its percent signs.
    @Test
    void completesMagicNames() {
        CodeAssist.Completions completions = assist.complete("int a = 1;\n%ti", 15);
        assertEquals(List.of("%time", "%timeline"), completions.matches());
        assertEquals(11, completions.start());
        assertEquals(List.of("%%spawn"), assist.complete("%%sp", 4).matches());
    }

    // Inspecting a magic's name (or `%name?`) shows its usage and what it does; an unknown one shows nothing.
    @Test
    void inspectsMagics() {
        String help = assist.inspect("%%spawn -n 2\nSystem.out.println(1);", 3);
        assertTrue(help.startsWith("%%spawn [-n N]") && help.contains("processes"), help);
        assertTrue(assist.inspect("%timeline?", 4).startsWith("%timeline"), assist.inspect("%timeline?", 4));
        assertNull(assist.inspect("%nosuchmagic", 3));
    }

    // `Math.ab|` completes to abs (JShell's continuation "abs(") and the replaced range starts after the dot.
    @Test
    void completesMathAbs() {
        CodeAssist.Completions completions = assist.complete("Math.ab", 7);
        assertTrue(completions.matches().stream().anyMatch(m -> m.equals("abs") || m.equals("abs(")),
                completions.matches().toString());
        assertTrue(completions.matches().stream().allMatch(m -> m.startsWith("ab")), completions.matches().toString());
        assertEquals(completions.matches().size(), completions.matches().stream().distinct().count(), "no duplicates");
        assertEquals(5, completions.start());
        assertEquals(7, completions.end());
    }

    // Completion knows variables defined by earlier cells.
    @Test
    void completesCellVariables() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            evaluator.evaluate("int assistCounter = 1;", 1, new CellOutput((s, t) -> { }, timer, 1024));
        } finally {
            timer.shutdownNow();
        }
        CodeAssist.Completions completions = assist.complete("int y = assistCou", 17);
        assertTrue(completions.matches().contains("assistCounter"), completions.matches().toString());
        assertEquals(8, completions.start());
    }

    // Cursor positions are code points: an emoji before the cursor counts once, not as two UTF-16 units.
    @Test
    void positionsAreCodePoints() {
        String code = "\"\ud83d\ude00\".len";
        int cursor = code.codePointCount(0, code.length());
        CodeAssist.Completions completions = assist.complete(code, cursor);
        assertTrue(completions.matches().stream().anyMatch(m -> m.startsWith("length")), completions.matches().toString());
        assertEquals(4, completions.start());
        assertEquals(7, completions.end());
    }

    // Finished code is complete, including a final expression without a semicolon.
    @Test
    void completenessComplete() {
        assertEquals("complete", assist.completeness("int x = 1;"));
        assertEquals("complete", assist.completeness("6 * 7"));
        assertEquals("complete", assist.completeness("int a = 1; int b = a + 1;"));
        assertEquals("complete", assist.completeness(""));
    }

    // Code that needs more lines (open brace, dangling operator, unfinished second snippet) is incomplete.
    @Test
    void completenessIncomplete() {
        assertEquals("incomplete", assist.completeness("void f() {"));
        assertEquals("incomplete", assist.completeness("1 +"));
        assertEquals("incomplete", assist.completeness("int a = 1; int b ="));
        assertEquals("incomplete", assist.completeness("for (int i = 0; i < 3; i++) {\n  System.out.println(i);"));
    }

    // Code that can never become valid (a stray closing brace, a missing initializer) is invalid.
    @Test
    void completenessInvalid() {
        assertEquals("invalid", assist.completeness("}"));
        assertEquals("invalid", assist.completeness("int x = ;"));
    }

    // Inspecting `Math.abs` returns its signatures, which contain "abs(".
    @Test
    void inspectMathAbs() {
        String text = assist.inspect("Math.abs", 8);
        assertNotNull(text);
        assertTrue(text.contains("abs("), text);
        assertTrue(text.contains("Math.abs(int"), text);
    }

    // Inspecting something unknown returns null (not found).
    @Test
    void inspectUnknown() {
        assertNull(assist.inspect("noSuchThingAnywhere", 19));
    }
}
