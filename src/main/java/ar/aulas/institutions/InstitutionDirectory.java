package ar.aulas.institutions;

import ar.aulas.shared.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Creates, edits, lists and (de)activates institutions. */
@Service
public class InstitutionDirectory {

    private final InstitutionRepository institutions;
    private final InstitutionMembers members;

    InstitutionDirectory(InstitutionRepository institutions, InstitutionMembers members) {
        this.institutions = institutions;
        this.members = members;
    }

    public List<Institution> all() {
        return institutions.findAllByOrderByNameAsc();
    }

    public List<Institution> active() {
        return institutions.findByActiveTrueOrderByNameAsc();
    }

    public Optional<Institution> find(String id) {
        return id == null ? Optional.empty() : institutions.findById(id);
    }

    public Optional<Institution> findByCode(String code) {
        return institutions.findByCode(Institution.normaliseCode(code));
    }

    public boolean exists(String id) {
        return id != null && institutions.existsById(id);
    }

    public Map<String, Institution> byId() {
        return institutions.findAll().stream().collect(Collectors.toMap(Institution::getId, Function.identity()));
    }

    public Institution create(String code, String name, InstitutionType type, String locality) {
        String normalised = Institution.normaliseCode(code);
        if (institutions.existsByCode(normalised)) {
            throw new InstitutionException("code", "institution.code.taken", normalised);
        }
        try {
            return institutions.save(new Institution(normalised, name, type, locality));
        } catch (DuplicateKeyException e) {
            throw new InstitutionException("code", "institution.code.taken", normalised);
        }
    }

    public Institution update(String id, long version, String code, String name, InstitutionType type, String locality) {
        Institution institution = institutions.findById(id).orElseThrow(InstitutionNotFound::new);
        String normalised = Institution.normaliseCode(code);
        institutions.findByCode(normalised).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new InstitutionException("code", "institution.code.taken", normalised);
        });
        if (institution.getVersion() != null && institution.getVersion() != version) {
            throw new InstitutionException(null, "form.conflict");
        }
        institution.update(normalised, name, type, locality);
        try {
            return institutions.save(institution);
        } catch (DuplicateKeyException e) {
            throw new InstitutionException("code", "institution.code.taken", normalised);
        } catch (OptimisticLockingFailureException e) {
            throw new InstitutionException(null, "form.conflict");
        }
    }

    /** Refused while the institution still has active participants. */
    public void deactivate(String id) {
        Institution institution = institutions.findById(id).orElseThrow(InstitutionNotFound::new);
        long active = members.activeParticipants(id);
        if (active > 0) {
            throw new InstitutionException(null, "institution.deactivate.hasParticipants", institution.getName(), active);
        }
        institution.deactivate();
        institutions.save(institution);
    }

    public void activate(String id) {
        Institution institution = institutions.findById(id).orElseThrow(InstitutionNotFound::new);
        institution.activate();
        institutions.save(institution);
    }

    /** Inserts the programme's institutions that are missing (matched by code); changes nothing else. */
    public int seedProgrammeInstitutions() {
        int added = 0;
        for (ProgrammeInstitutions.Seed seed : ProgrammeInstitutions.ALL) {
            if (!institutions.existsByCode(seed.code())) {
                try {
                    institutions.save(new Institution(seed.code(), seed.name(), seed.type(), seed.locality()));
                    added++;
                } catch (DuplicateKeyException e) {
                    // another instance seeded it first
                }
            }
        }
        return added;
    }

    public static class InstitutionNotFound extends NotFoundException {
    }
}
