package ar.aulas.certificates;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A certificate template read from {@code certificates/<name>.yml}: page, background, fonts, text
 * blocks with placeholders, images, signatures and the QR code. Positions are stored in PDF points
 * from the bottom-left corner (the file gives millimetres from the top-left).
 */
public record CertificateTemplate(String name, String file, float width, float height, Background background,
        Map<String, byte[]> fonts, List<TextBlock> texts, List<ImageBlock> images, List<SignatureBlock> signatures,
        Box qr) {

    /** Every placeholder a text may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("nombreCompleto", "dni", "institucion", "curso", "edicion",
            "horas", "fechas", "encuentros", "asistencia", "tipo", "fechaEmision", "codigo", "numero", "urlVerificacion");

    /** A rectangle in points: x, y of the lower-left corner. */
    public record Box(float x, float y, float width, float height) {
    }

    public record Background(byte[] bytes, boolean pdf) {
    }

    public enum Align { LEFT, CENTER, RIGHT, JUSTIFIED }

    public record TextBlock(String text, Box box, String font, float size, int rgb, Align align, float lineHeight) {
    }

    public record ImageBlock(byte[] bytes, Box box) {
    }

    public record SignatureBlock(byte[] image, String name, String role, Box box, String font, String nameFont,
            float size) {
    }
}
