package org.proclab.engine.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proclab.engine.exec.ProcLabExecutionControl;

/** A cell's value as text: JShell's one line when it fits, broken between elements when it does not. */
class ValueTextTest {
    record Point(int x, int y) {
    }

    record Holder(String name, List<Integer> values) {
    }

    record Labelled(List<Integer> values) {
        @Override
        public String toString() {
            return "Labelled" + values.size() + " " + values;
        }
    }

    static Stream<Object> shortValues() {
        List<Object> itself = new ArrayList<>(List.of(1, "two"));
        itself.add(itself);
        Map<String, Object> map = new LinkedHashMap<>(Map.of("a", 1));
        map.put("b", List.of("x", "y"));
        map.put("self", map);
        return Stream.of(42, "hi", 'c', 2.5, List.of(1, 2, 3), List.of(), Map.of(), List.of("a", "b c"),
                List.of(List.of(1, 2), List.of(3)), new TreeMap<>(Map.of("a", 1, "b", 2)), map, itself,
                new int[] {1, 2, 3}, new int[0], new String[] {"a", "b"}, new int[][] {{1}, {2, 3}},
                new char[] {'x', 'y'}, new Object[] {List.of("s"), "s", null}, new Point(1, 2),
                List.of(new Point(1, 2), List.of(3)), new Holder("h", List.of(1, 2)), Arrays.asList(1, null),
                Map.of("p", new Point(3, 4)), new Labelled(List.of(1)));
    }

    // A value whose text fits on a line shows exactly as JShell shows it.
    @ParameterizedTest
    @MethodSource("shortValues")
    void shortValuesStayAsJShellShowsThem(Object value) {
        assertEquals(ProcLabExecutionControl.describe(value), ValueText.of(value));
    }

    // A null value is a value too.
    @Test
    void nullIsShown() {
        assertEquals("null", ValueText.of(null));
    }

    // Long sequences put each element on its own line, one column after the bracket.
    @Test
    void longListBreaksBetweenNumbers() {
        List<Integer> numbers = IntStream.range(0, 500).boxed().toList();
        String expected = numbers.stream().map(String::valueOf).collect(Collectors.joining(",\n ", "[", "]"));
        assertEquals(expected, ValueText.of(numbers));
    }

    // Two thousand numbers: a thousand shown, one to a line, then "...".
    @Test
    void moreThanAThousandElementsAreCut() {
        List<String> lines = ValueText.of(IntStream.range(0, 2000).boxed().toList()).lines().toList();
        assertEquals(ValueText.MAX_ITEMS + 1, lines.size());
        for (int i = 0; i < ValueText.MAX_ITEMS; i++) {
            assertEquals((i == 0 ? "[" : " ") + i + ",", lines.get(i));
        }
        assertEquals(" ...]", lines.get(ValueText.MAX_ITEMS));
    }

    // An element wider than a line has a line of its own; the others keep to the width.
    @Test
    void onlyAnElementWiderThanALineMakesALineWider() {
        String wide = "w".repeat(100);
        List<String> values = List.of("a", wide, "b", "c".repeat(70));
        List<String> lines = ValueText.of(values).lines().toList();
        assertEquals(List.of("[a,", " " + wide + ",", " b,", " " + "c".repeat(70) + "]"), lines);
    }

    // Inner collections that fit stay on one line each, under the outer bracket.
    @Test
    void nestedCollectionsThatFitStayWhole() {
        List<Integer> twenty = IntStream.range(0, 20).boxed().toList();
        List<List<Integer>> rows = List.of(twenty, twenty, twenty);
        assertEquals("[" + twenty + ",\n " + twenty + ",\n " + twenty + "]", ValueText.of(rows));
    }

    // An inner collection too long for its line breaks too, lined up under its own bracket.
    @Test
    void nestedCollectionsThatDoNotFitAreIndentedUnderTheirParent() {
        List<Integer> hundred = IntStream.range(0, 100).boxed().toList();
        List<String> lines = ValueText.of(List.of(List.of(1), hundred)).lines().toList();
        assertEquals("[[1],", lines.get(0));
        assertEquals(" [0,", lines.get(1));
        assertEquals("  1,", lines.get(2));
        assertEquals("  99]]", lines.get(lines.size() - 1));
        assertEveryLineFits(lines);
    }

    // A long map puts an entry to a line; a long value breaks under its own bracket.
    @Test
    void longMapsBreakBetweenEntries() {
        Map<String, Object> map = new LinkedHashMap<>();
        IntStream.range(0, 20).forEach(i -> map.put("key" + i, i));
        map.put("many", IntStream.range(0, 30).boxed().toList());
        List<String> lines = ValueText.of(map).lines().toList();
        assertEquals("{key0=0,", lines.get(0));
        assertEquals(" key19=19,", lines.get(19));
        assertEquals(" many=[0,", lines.get(20));
        assertEquals("       1,", lines.get(21));
        assertEquals("       29]}", lines.get(lines.size() - 1));
        assertEveryLineFits(lines);
    }

    // A long array keeps JShell's head and braces, its elements lined up under the first.
    @Test
    void longArraysBreakUnderTheFirstElement() {
        int[] numbers = IntStream.range(0, 1500).toArray();
        List<String> lines = ValueText.of(numbers).lines().toList();
        assertEquals("int[1500] { 0,", lines.get(0));
        assertEquals("            1,", lines.get(1));
        assertEquals("            999,", lines.get(999));
        assertEquals("            ... }", lines.get(1000));
        assertEquals(1001, lines.size());
    }

    // Strings in an array are quoted, as JShell quotes them; in a list, printed as Java prints them.
    @Test
    void arraysQuoteTheirStrings() {
        String[] words = IntStream.range(0, 30).mapToObj(i -> "word" + i).toArray(String[]::new);
        assertTrue(ValueText.of(words).startsWith("String[30] { \"word0\",\n             \"word1\","));
        assertTrue(ValueText.of(Arrays.asList(words)).startsWith("[word0,\n word1,"));
    }

    // A record with Java's own toString() breaks between its components; one that prints itself stays whole.
    @Test
    void recordsBreakBetweenComponentsUnlessTheyPrintThemselves() {
        List<Integer> forty = IntStream.range(0, 40).boxed().toList();
        List<String> lines = ValueText.of(new Holder("h", forty)).lines().toList();
        assertEquals("Holder[name=h,", lines.get(0));
        assertEquals("       values=[0,", lines.get(1));
        assertEquals("               1,", lines.get(2));
        assertEquals("               39]]", lines.get(lines.size() - 1));
        Labelled labelled = new Labelled(forty);
        assertEquals(labelled.toString(), ValueText.of(labelled));
    }

    // A collection class with a toString() of its own shows that text, however long.
    @Test
    void collectionsThatPrintThemselvesStayWhole() {
        List<Integer> own = new ArrayList<>(IntStream.range(0, 100).boxed().toList()) {
            @Override
            public String toString() {
                return "numbers " + super.toString();
            }
        };
        assertEquals(own.toString(), ValueText.of(own));
    }

    private static void assertEveryLineFits(List<String> lines) {
        for (String line : lines) {
            assertTrue(line.length() <= ValueText.WIDTH, () -> "wider than " + ValueText.WIDTH + ": " + line);
        }
    }
}
