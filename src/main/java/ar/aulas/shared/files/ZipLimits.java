package ar.aulas.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What a ZIP-based file (XLSX, DOCX, ODT…) may expand to, checked before anything reads it: the
 * entries its central directory declares (count, sizes, ratio), then the bytes really inflated,
 * counted as they come, since a declared size can lie. Every ZIP that Aulas opens goes through here.
 */
public record ZipLimits(long maxTotalBytes, int maxEntries, double maxRatio) {

    /** 50 MB in all, 1,000 entries, nothing inflating more than 100 times (POI's 0.01 minimum ratio). */
    public static final ZipLimits DEFAULT = new ZipLimits(50L * 1024 * 1024, 1_000, 100);

    /** Ratios are judged once an entry is past this size: tiny entries compress far better than 100:1. */
    static final long RATIO_GRACE_BYTES = 100 * 1024;

    /** Why a file was refused; callers turn it into their own message. */
    public enum Reason { NOT_ZIP, TOO_MANY_ENTRIES, TOO_LARGE, RATIO }

    public static final class Refused extends RuntimeException {

        private final Reason reason;

        Refused(Reason reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
        }

        public Reason reason() { return reason; }
    }

    /** A checked archive: its entry names, and entries read within the limits. */
    public final class Checked implements AutoCloseable {

        private final ZipFile zip;
        private final Map<String, ZipArchiveEntry> entries;
        private long budget;

        private Checked(ZipFile zip, Map<String, ZipArchiveEntry> entries) {
            this.zip = zip;
            this.entries = entries;
            this.budget = maxTotalBytes;
        }

        public List<String> names() {
            return List.copyOf(entries.keySet());
        }

        /** The entry's bytes (at most {@code max}, else null): the total budget and the ratio are enforced. */
        public byte[] read(String name, int max) throws IOException {
            ZipArchiveEntry entry = entries.get(name);
            if (entry == null || entry.getSize() > max) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return inflate(entry, in, max);
            }
        }

        /** The entry as text (UTF-8), or null when absent or longer than {@code max} bytes. */
        public String text(String name, int max) throws IOException {
            byte[] bytes = read(name, max);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        /** Inflates every entry, discarding the bytes, so the whole archive is known to stay within limits. */
        public void inflateAll() throws IOException {
            for (ZipArchiveEntry entry : entries.values()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    inflate(entry, in, -1);
                }
            }
        }

        private byte[] inflate(ZipArchiveEntry entry, InputStream in, int keep) throws IOException {
            ByteArrayOutputStream kept = keep < 0 ? null : new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long inflated = 0;
            long compressed = Math.max(1, entry.getCompressedSize());
            int n;
            while ((n = in.read(buffer)) > 0) {
                inflated += n;
                budget -= n;
                if (budget < 0) {
                    throw new Refused(Reason.TOO_LARGE, entry.getName());
                }
                if (inflated > RATIO_GRACE_BYTES && inflated > compressed * maxRatio) {
                    throw new Refused(Reason.RATIO, entry.getName());
                }
                if (kept != null) {
                    if (inflated > keep) {
                        return null;
                    }
                    kept.write(buffer, 0, n);
                }
            }
            return kept == null ? null : kept.toByteArray();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    public Checked open(byte[] bytes) throws IOException {
        return open(new SeekableInMemoryByteChannel(bytes));
    }

    public Checked open(Path file) throws IOException {
        return open(Files.newByteChannel(file));
    }

    /** Reads the central directory and refuses the archive on what it declares, before inflating anything. */
    private Checked open(SeekableByteChannel channel) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new Refused(Reason.NOT_ZIP, String.valueOf(e.getMessage()));
        }
        try {
            Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
            long declared = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entries.size() == maxEntries) {
                    throw new Refused(Reason.TOO_MANY_ENTRIES, String.valueOf(maxEntries));
                }
                long size = entry.getSize();
                if (size < 0 || size > maxTotalBytes) {
                    throw new Refused(Reason.TOO_LARGE, entry.getName());
                }
                declared += size;
                if (declared > maxTotalBytes) {
                    throw new Refused(Reason.TOO_LARGE, entry.getName());
                }
                if (size > RATIO_GRACE_BYTES && size > Math.max(1, entry.getCompressedSize()) * maxRatio) {
                    throw new Refused(Reason.RATIO, entry.getName());
                }
                entries.putIfAbsent(entry.getName(), entry);
            }
            return new Checked(zip, entries);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }
}
