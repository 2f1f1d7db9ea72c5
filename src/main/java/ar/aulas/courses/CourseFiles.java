package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.files.FileContent;
import ar.aulas.shared.files.ZipLimits;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.store.FileChunks;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of a course: trainers' uploads (checked by size, extension and content together) and the
 * one download path for attachments and materials, with its one authorisation check.
 */
@Service
public class CourseFiles {

    /** What each accepted extension must contain, as detected from the bytes (not the name). */
    static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
            Map.entry("pdf", Set.of("application/pdf")),
            Map.entry("docx", Set.of("application/zip", "application/x-tika-ooxml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("xlsx", Set.of("application/zip", "application/x-tika-ooxml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            Map.entry("pptx", Set.of("application/zip", "application/x-tika-ooxml",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
            Map.entry("odt", Set.of("application/zip", "application/vnd.oasis.opendocument.text")),
            Map.entry("ods", Set.of("application/zip", "application/vnd.oasis.opendocument.spreadsheet")),
            Map.entry("odp", Set.of("application/zip", "application/vnd.oasis.opendocument.presentation")),
            Map.entry("png", Set.of("image/png")),
            Map.entry("jpg", Set.of("image/jpeg")),
            Map.entry("jpeg", Set.of("image/jpeg")));
    /** The type a download is served with, per extension. */
    static final Map<String, String> SERVED_AS = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text",
            "ods", "application/vnd.oasis.opendocument.spreadsheet",
            "odp", "application/vnd.oasis.opendocument.presentation",
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg");

    public record Download(String name, String contentType, long size, InputStreamResource content) {

        /** Always as an attachment, with the real type and nosniff, so a browser never renders it in place. */
        public ResponseEntity<InputStreamResource> asAttachment() {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(name, StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(contentType))
                    .contentLength(size)
                    .body(content);
        }
    }

    private final GridFsTemplate gridFs;
    private final CourseAccess access;
    private final ReadingRepository readings;
    private final MaterialRepository materials;
    private final CoursesProperties properties;
    private final Tika tika = new Tika();
    private final FileContent content = new FileContent(ZipLimits.DEFAULT);
    private final FileChunks chunks;

    CourseFiles(GridFsTemplate gridFs, CourseAccess access, ReadingRepository readings,
            MaterialRepository materials, CoursesProperties properties, FileChunks chunks) {
        this.chunks = chunks;
        this.gridFs = gridFs;
        this.access = access;
        this.readings = readings;
        this.materials = materials;
        this.properties = properties;
    }

    /** Checks and stores a trainer's upload; nothing is stored when it is refused. */
    public Material.StoredFile store(MultipartFile upload, String courseCode) {
        return storeChecked(upload, properties.maxUploadSize().toBytes(), "file",
                new Document("course", courseCode).append("source", "material"));
    }

    /**
     * Checks an upload by size, extension and content together, then stores it in GridFS with its
     * SHA-256; throws {@link UploadRefused} (naming {@code field}) and stores nothing when refused.
     */
    public Material.StoredFile storeChecked(MultipartFile upload, long maxBytes, String field, Document metadata) {
        if (upload == null || upload.isEmpty()) {
            throw new UploadRefused(field, "upload.empty");
        }
        String name = sanitiseName(upload.getOriginalFilename());
        if (upload.getSize() > maxBytes) {
            throw new UploadRefused(field, "upload.tooLargeNamed", name, maxBytes / (1024 * 1024));
        }
        String extension = extension(name);
        Set<String> accepted = ACCEPTED.get(extension);
        if (accepted == null) {
            throw new UploadRefused(field, "upload.type", String.join(", ", ACCEPTED.keySet().stream().sorted().toList()));
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("aulas-upload-", "." + extension);
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            String detected;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(copy))) {
                detected = tika.detect(in);
            }
            if (!accepted.contains(detected)) {
                throw new UploadRefused(field, "upload.disguised", extension.toUpperCase(Locale.ROOT));
            }
            switch (content.check(extension, copy)) {
                case DISGUISED -> throw new UploadRefused(field, "upload.disguised", extension.toUpperCase(Locale.ROOT));
                case PROTECTED -> throw new UploadRefused(field, "upload.protected", name);
                case BOMB -> throw new UploadRefused(field, "upload.bomb", name);
                case OK -> { }
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ObjectId id;
            try (InputStream in = new DigestInputStream(Files.newInputStream(copy), digest)) {
                id = gridFs.store(in, name, SERVED_AS.get(extension), metadata);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            return new Material.StoredFile(id.toHexString(), name, upload.getSize(), SERVED_AS.get(extension), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Streams a stored file that the caller has already authorised. */
    public Download openAuthorised(String fileId) {
        GridFSFile file = ObjectId.isValid(fileId)
                ? gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)))) : null;
        if (file == null) {
            throw new NotFoundException();
        }
        return download(file);
    }

    private Download download(GridFSFile file) {
        String type = file.getMetadata() != null && file.getMetadata().getString("_contentType") != null
                ? file.getMetadata().getString("_contentType")
                : SERVED_AS.getOrDefault(extension(file.getFilename()), "application/octet-stream");
        return new Download(file.getFilename(), type, file.getLength(), new InputStreamResource(chunks.open(file)));
    }

    public void delete(String fileId) {
        chunks.delete(new ObjectId(fileId));
    }

    /**
     * The one download path: the file must belong to a reading or a material of this course, in a
     * module the person may see (released, and not hidden for participants). Anything else is 404.
     */
    public Download open(AulasUser user, String courseCode, String fileId) {
        Course course = access.course(user, courseCode);
        if (!ObjectId.isValid(fileId)) {
            throw new NotFoundException();
        }
        Integer moduleNumber = readings.findByCourseCodeAndArchivedFalseOrderByModuleNumberAscPositionAsc(courseCode)
                .stream().filter(r -> r.getAttachments().stream().anyMatch(a -> a.fileId().equals(fileId)))
                .map(Reading::getModuleNumber).findFirst()
                .orElseGet(() -> materials.findByCourseCodeAndFileFileId(courseCode, fileId)
                        .filter(m -> !m.isHidden() || access.canManageMaterials(user, course))
                        .map(Material::getModuleNumber).orElse(null));
        if (moduleNumber == null) {
            throw new NotFoundException();
        }
        access.module(user, course, moduleNumber);
        return openAuthorised(fileId);
    }

    /** Keeps letters (accented too), digits, dot, dash and underscore; at most 120 characters. */
    static String sanitiseName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}._-]+", "_")
                .replaceAll("_+", "_").replaceAll("^[._]+", "");
        if (name.length() > 120) {
            String ext = extension(name);
            name = name.substring(0, 119 - ext.length()) + "." + ext;
        }
        return name.isBlank() ? "archivo" : name;
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
