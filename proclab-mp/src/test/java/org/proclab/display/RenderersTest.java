package org.proclab.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which rendering a value gets: registered renderers by precedence, then Displayable, images, records. */
class RenderersTest {
    interface Shape {
    }

    record Square(int side) implements Shape {
    }

    static class Base {
    }

    static class Derived extends Base implements Shape {
    }

    record Badge(String text) implements Displayable {
        @Override
        public MimeBundle toMimeBundle() {
            return Html.of("<span>" + Html.escape(text) + "</span>").toMimeBundle();
        }
    }

    @AfterEach
    void forget() {
        List.of(Object.class, Shape.class, Square.class, Base.class, Derived.class, Badge.class, BufferedImage.class)
                .forEach(Renderers::remove);
    }

    // Plain values have no rich rendering and render as their toString().
    @Test
    void plainValuesStayPlain() {
        assertEquals(Optional.empty(), Renderers.rich(42));
        assertEquals(Optional.empty(), Renderers.rich("text"));
        assertEquals(Optional.empty(), Renderers.rich(List.of(1, 2)));
        assertEquals(Optional.empty(), Renderers.rich(List.of()));
        assertEquals(Optional.empty(), Renderers.rich(null));
        assertEquals(MimeBundle.plain("text"), Renderers.render("text"));
        assertEquals(MimeBundle.plain("null"), Renderers.render(null));
    }

    // The value's own class beats a superclass, a superclass beats an interface, an interface beats Object.
    @Test
    void nearestRegisteredTypeWins() {
        Renderers.register(Object.class, o -> MimeBundle.plain("object"));
        Renderers.register(Shape.class, s -> MimeBundle.plain("shape"));
        Renderers.register(Base.class, b -> MimeBundle.plain("base"));
        assertEquals("base", Renderers.render(new Derived()).text());
        assertEquals("shape", Renderers.render(new Square(2)).text());
        assertEquals("object", Renderers.render(7).text());
        Renderers.register(Derived.class, d -> MimeBundle.plain("derived"));
        assertEquals("derived", Renderers.render(new Derived()).text());
        Renderers.register(Derived.class, d -> MimeBundle.plain("derived again"));
        assertEquals("derived again", Renderers.render(new Derived()).text(), "a later registration replaces");
    }

    // A registered renderer beats the built-ins (Displayable, images, tables); one returning null falls back to them.
    @Test
    void registeredBeatsBuiltIns() {
        Renderers.register(Badge.class, b -> Markdown.of("*" + b.text() + "*"));
        assertEquals("*hi*", Renderers.render(new Badge("hi")).data().get("text/markdown"));
        Renderers.register(Badge.class, b -> null);
        assertEquals("<span>hi</span>", Renderers.render(new Badge("hi")).data().get("text/html"));
        Renderers.register(BufferedImage.class, i -> MimeBundle.plain("an image"));
        assertEquals(MimeBundle.plain("an image"), Renderers.render(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));
        assertTrue(Renderers.remove(Badge.class));
        assertEquals("<span>&lt;b&gt;</span>", Renderers.render(new Badge("<b>")).data().get("text/html"));
    }

    // A list of records of one class is a table; a mix of classes is not.
    @Test
    void recordsAreTables() {
        MimeBundle table = Renderers.render(List.of(new Square(1), new Square(2)));
        assertEquals("side\n1\n2\n", table.text());
        assertTrue(table.data().get("text/html").contains("<th>side</th>"));
        record Other(int side) {
        }
        assertEquals(Optional.empty(), Renderers.rich(List.of(new Square(1), new Other(2))));
    }

    // An image becomes a base64 PNG that decodes to the same size and pixels.
    @Test
    void imagesArePng() throws IOException {
        BufferedImage image = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0x00ff00);
        MimeBundle bundle = Renderers.render(image);
        assertEquals("[image 7×3]", bundle.text());
        byte[] png = Base64.getDecoder().decode(bundle.data().get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(7, decoded.getWidth());
        assertEquals(3, decoded.getHeight());
        assertEquals(0x00ff00, decoded.getRGB(2, 1) & 0xffffff);
    }
}
