package org.proclab.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * An image ({@link java.awt.image.BufferedImage} and other rendered images) as {@code image/png}
 * in base64, the way Jupyter carries images. Needs no display: the kernel runs with
 * {@code java.awt.headless=true}.
 */
final class PngImage {
    private PngImage() {
    }

    static MimeBundle bundle(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalArgumentException("this image cannot be written as PNG: " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return MimeBundle.plain("[image " + image.getWidth() + "×" + image.getHeight() + "]")
                .with("image/png", Base64.getEncoder().encodeToString(png.toByteArray()));
    }
}
