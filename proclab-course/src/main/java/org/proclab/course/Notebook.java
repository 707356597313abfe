package org.proclab.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a Jupyter notebook file (nbformat 4), as far as running it in a terminal needs them.
 *
 * @param name the file's path as given, for messages
 */
public record Notebook(String name, List<Cell> cells) {
    /** One cell: its kind ({@code markdown} or {@code code}), its text and its tags. */
    public record Cell(String type, String source, List<String> tags) {
        public boolean isCode() {
            return type.equals("code");
        }
    }

    /** Reads an {@code .ipynb} file; a file that is not a notebook, JSON or not, gives an IOException saying so. */
    public static Notebook read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IOException(file + " is not a Jupyter notebook (nbformat 4): it is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"), e);
        }
        JsonNode cells = root.path("cells");
        if (!cells.isArray() || root.path("nbformat").asInt() != 4) {
            throw new IOException(file + " is not a Jupyter notebook (nbformat 4)");
        }
        List<Cell> read = new ArrayList<>();
        for (JsonNode cell : cells) {
            List<String> tags = new ArrayList<>();
            cell.path("metadata").path("tags").forEach(tag -> tags.add(tag.asText()));
            read.add(new Cell(cell.path("cell_type").asText(), text(cell.path("source")), List.copyOf(tags)));
        }
        return new Notebook(file.toString(), List.copyOf(read));
    }

    /** nbformat stores text either as one string or as a list of lines. */
    private static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder joined = new StringBuilder();
            source.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return source.asText();
    }
}
