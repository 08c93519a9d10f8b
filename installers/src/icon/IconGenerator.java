import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws the SLO-Scout icon (an error-budget gauge on a rounded tile) at every size the installers need and writes
 * PNGs, a Windows .ico and a macOS .icns (both holding PNG images). Run: java installers/src/icon/IconGenerator.java
 * installers/src/jpackage/icons
 */
public class IconGenerator {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "installers/src/jpackage/icons");
        Files.createDirectories(out);
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512, 1024}) {
            byte[] png = png(draw(size));
            pngs.put(size, png);
            Files.write(out.resolve("slo-scout-" + size + ".png"), png);
        }
        Files.write(out.resolve("slo-scout.png"), pngs.get(256));
        Files.write(out.resolve("slo-scout.ico"), ico(pngs, 16, 32, 48, 64, 128, 256));
        Files.write(out.resolve("slo-scout.icns"), icns(pngs));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1E3A5F), 0, (float) s, new Color(0x0F1F33)));
        g.fill(new RoundRectangle2D.Double(s * 0.04, s * 0.04, s * 0.92, s * 0.92, s * 0.22, s * 0.22));
        float stroke = (float) Math.max(1.5, s * 0.09);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Arc2D.Double arc = new Arc2D.Double(s * 0.2, s * 0.24, s * 0.6, s * 0.6, 200, -220, Arc2D.OPEN);
        g.setColor(new Color(0x35506F));
        g.draw(arc);
        g.setColor(new Color(0x3DDC97));
        g.draw(new Arc2D.Double(s * 0.2, s * 0.24, s * 0.6, s * 0.6, 200, -150, Arc2D.OPEN));
        g.setColor(new Color(0xFFB547));
        double angle = Math.toRadians(200 - 150);
        double cx = s * 0.5;
        double cy = s * 0.54;
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.05), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(cx, cy, cx + Math.cos(angle) * s * 0.26, cy - Math.sin(angle) * s * 0.26));
        g.fill(new java.awt.geom.Ellipse2D.Double(cx - s * 0.05, cy - s * 0.05, s * 0.1, s * 0.1));
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later). Little-endian header and directory. */
    static byte[] ico(Map<Integer, byte[]> pngs, int... sizes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int offset = 6 + 16 * sizes.length;
        bytes.write(le16(0));
        bytes.write(le16(1));
        bytes.write(le16(sizes.length));
        for (int size : sizes) {
            byte[] png = pngs.get(size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(0);
            bytes.write(0);
            bytes.write(le16(1));
            bytes.write(le16(32));
            bytes.write(le32(png.length));
            bytes.write(le32(offset));
            offset += png.length;
        }
        for (int size : sizes) {
            bytes.write(pngs.get(size));
        }
        return bytes.toByteArray();
    }

    /** ICNS with PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024 (retina 512), icp4/icp5 16/32. */
    static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] png = pngs.get(type.getValue());
            data.writeBytes(type.getKey());
            data.writeInt(png.length + 8);
            data.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(body.size() + 8);
        header.write(body.toByteArray());
        return file.toByteArray();
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
