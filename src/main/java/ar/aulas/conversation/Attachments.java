package ar.aulas.conversation;

import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.CoursesProperties;
import ar.aulas.courses.Material;
import ar.aulas.courses.UploadRefused;
import ar.aulas.shared.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a post or an announcement: the materials' checks (size, extension and content together), at most
 * {@value #MAX_FILES} per post; all or none are stored.
 */
@Component
class Attachments {

    static final int MAX_FILES = 3;

    private final CourseFiles files;
    private final CoursesProperties properties;

    Attachments(CourseFiles files, CoursesProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    List<Material.StoredFile> store(List<MultipartFile> uploads, String courseCode, String source) {
        List<MultipartFile> real = uploads == null ? List.of()
                : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (real.size() > MAX_FILES) {
            throw new ConversationRefused("files", "conversation.tooManyFiles", MAX_FILES);
        }
        List<Material.StoredFile> stored = new ArrayList<>();
        try {
            for (MultipartFile upload : real) {
                stored.add(files.storeChecked(upload, properties.maxUploadSize().toBytes(), "files",
                        new Document("course", courseCode).append("source", source)));
            }
        } catch (UploadRefused e) {
            delete(stored);
            throw new ConversationRefused("files", e.messageKey(), e.args());
        }
        return stored;
    }

    void delete(List<Material.StoredFile> stored) {
        stored.forEach(f -> files.delete(f.fileId()));
    }

    CourseFiles.Download open(List<Material.StoredFile> attached, String fileId) {
        if (attached.stream().noneMatch(f -> f.fileId().equals(fileId))) {
            throw new NotFoundException();
        }
        return files.openAuthorised(fileId);
    }
}
