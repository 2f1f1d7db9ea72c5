package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Trainers' materials: add, edit, hide, reorder and delete, only on courses where they train. */
@Service
public class Materials {

    public record MaterialData(Material.Kind kind, String title, String description, String url, String note,
            MultipartFile file) {
    }

    private final MaterialRepository materials;
    private final CourseAccess access;
    private final CourseFiles files;
    private final Markdown markdown;
    private final Clock clock;

    Materials(MaterialRepository materials, CourseAccess access, CourseFiles files, Markdown markdown, Clock clock) {
        this.materials = materials;
        this.access = access;
        this.files = files;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** What a module shows: hidden materials only to those who manage them. */
    public List<Material> of(AulasUser user, Course course, int moduleNumber) {
        boolean manager = access.canManageMaterials(user, course);
        return materials.findByCourseCodeAndModuleNumberOrderByPositionAsc(course.getCode(), moduleNumber).stream()
                .filter(m -> manager || !m.isHidden()).toList();
    }

    public Material add(AulasUser user, String courseCode, int moduleNumber, MaterialData data) {
        Course course = managed(user, courseCode);
        access.module(user, course, moduleNumber);
        validate(data, true);
        long position = materials.findFirstByCourseCodeAndModuleNumberOrderByPositionDesc(courseCode, moduleNumber)
                .map(m -> m.getPosition() + 1).orElse(0L);
        Material material = new Material(courseCode, moduleNumber, data.kind(), position, user.id(), clock.instant());
        describe(material, data);
        if (data.kind() == Material.Kind.FILE) {
            material.attach(files.store(data.file(), courseCode));
        }
        try {
            return materials.save(material);
        } catch (RuntimeException e) {
            if (material.getFile() != null) {
                files.delete(material.getFile().fileId()); // no orphan file when the material is not saved
            }
            throw e;
        }
    }

    public Material edit(AulasUser user, String courseCode, String id, long version, MaterialData data) {
        Material material = find(user, courseCode, id);
        if (material.getVersion() != null && material.getVersion() != version) {
            throw new UploadRefused(null, "form.conflict");
        }
        validate(new MaterialData(material.getKind(), data.title(), data.description(), data.url(), data.note(),
                data.file()), false);
        describe(material, new MaterialData(material.getKind(), data.title(), data.description(), data.url(),
                data.note(), null));
        Material.StoredFile old = material.getFile();
        boolean replacing = material.getKind() == Material.Kind.FILE && data.file() != null && !data.file().isEmpty();
        if (replacing) {
            material.attach(files.store(data.file(), courseCode));
        }
        try {
            Material saved = materials.save(material);
            if (replacing && old != null) {
                files.delete(old.fileId());
            }
            return saved;
        } catch (OptimisticLockingFailureException e) {
            if (replacing) {
                files.delete(material.getFile().fileId());
            }
            throw new UploadRefused(null, "form.conflict");
        }
    }

    public void hide(AulasUser user, String courseCode, String id, boolean hidden) {
        Material material = find(user, courseCode, id);
        material.hide(hidden);
        materials.save(material);
    }

    /** Swaps the material with its neighbour above (-1) or below (+1). */
    public void move(AulasUser user, String courseCode, String id, int direction) {
        Material material = find(user, courseCode, id);
        List<Material> siblings = materials.findByCourseCodeAndModuleNumberOrderByPositionAsc(courseCode,
                material.getModuleNumber());
        int index = siblings.indexOf(siblings.stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow());
        int other = index + Integer.signum(direction);
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        for (int i = 0; i < siblings.size(); i++) {
            Material m = siblings.get(i);
            long position = i == index ? other : i == other ? index : i;
            if (m.getPosition() != position) {
                m.moveTo(position);
                materials.save(m);
            }
        }
    }

    public void delete(AulasUser user, String courseCode, String id) {
        Material material = find(user, courseCode, id);
        materials.delete(material);
        if (material.getFile() != null) {
            files.delete(material.getFile().fileId());
        }
    }

    /** A material of a course this person manages; 404 otherwise. */
    public Material find(AulasUser user, String courseCode, String id) {
        Course course = managed(user, courseCode);
        return materials.findById(id).filter(m -> m.getCourseCode().equals(course.getCode()))
                .orElseThrow(NotFoundException::new);
    }

    private Course managed(AulasUser user, String courseCode) {
        Course course = access.course(user, courseCode);
        if (!access.canManageMaterials(user, course)) {
            throw new NotFoundException();
        }
        return course;
    }

    private void describe(Material material, MaterialData data) {
        String noteHtml = data.kind() == Material.Kind.NOTE ? markdown.toSafeHtml(data.note()) : null;
        material.describe(data.title().strip(), blankToNull(data.description()),
                data.kind() == Material.Kind.LINK ? data.url().strip() : null,
                data.kind() == Material.Kind.NOTE ? data.note() : null, noteHtml,
                Text.searchable(data.title() + " " + (data.description() == null ? "" : data.description()) + " "
                        + (data.note() == null ? "" : data.note())), clock.instant());
    }

    private static void validate(MaterialData data, boolean creating) {
        if (data.kind() == null) {
            throw new UploadRefused("kind", "material.kind.required");
        }
        if (data.title() == null || data.title().isBlank()) {
            throw new UploadRefused("title", "material.title.required");
        }
        if (data.title().length() > 200) {
            throw new UploadRefused("title", "form.tooLong");
        }
        if (data.description() != null && data.description().length() > 2000) {
            throw new UploadRefused("description", "form.tooLong");
        }
        switch (data.kind()) {
            case LINK -> {
                if (!isWebLink(data.url())) {
                    throw new UploadRefused("url", "material.url.invalid");
                }
            }
            case NOTE -> {
                if (data.note() == null || data.note().isBlank()) {
                    throw new UploadRefused("note", "material.note.required");
                }
                if (data.note().length() > 20_000) {
                    throw new UploadRefused("note", "form.tooLong");
                }
            }
            case FILE -> {
                if (creating && (data.file() == null || data.file().isEmpty())) {
                    throw new UploadRefused("file", "upload.empty");
                }
            }
        }
    }

    /** Only absolute http and https links with a host: no javascript:, data: or relative links. */
    static boolean isWebLink(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
