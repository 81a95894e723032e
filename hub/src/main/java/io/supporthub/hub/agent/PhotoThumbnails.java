package io.supporthub.hub.agent;

import io.supporthub.hub.error.Refusal;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an uploaded raster image (PNG, JPEG, GIF) into a square PNG thumbnail, cut from its centre. The format is
 * told by the file's first bytes, not by what the client says; SVG (it can carry scripts) and anything else is refused.
 * WebP is refused too: the JDK cannot decode it and no decoder is among the project's libraries.
 */
final class PhotoThumbnails {

    static final int SIDE = 128;
    /** Larger than any photo needs; a decoded image this wide would cost a lot of memory. */
    private static final int MAX_SOURCE_SIDE = 8000;

    private PhotoThumbnails() {
    }

    static byte[] thumbnail(byte[] upload) {
        if (isWebp(upload)) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type",
                    "WebP photos are not supported here; send a PNG, JPEG or GIF");
        }
        if (!isPng(upload) && !isJpeg(upload) && !isGif(upload)) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_FORMAT, "unsupported_media_type",
                    "a photo must be a PNG, JPEG or GIF image (SVG and other formats are refused)");
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            source = null;
        }
        if (source == null) {
            throw Refusal.invalid("the photo cannot be read as an image");
        }
        if (source.getWidth() > MAX_SOURCE_SIDE || source.getHeight() > MAX_SOURCE_SIDE) {
            throw Refusal.invalid("the photo is larger than " + MAX_SOURCE_SIDE + " pixels on a side");
        }
        int side = Math.min(source.getWidth(), source.getHeight());
        BufferedImage square = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = square.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        g.drawImage(source, 0, 0, SIDE, SIDE, x, y, x + side, y + side, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(square, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isGif(byte[] b) {
        return b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }
}
