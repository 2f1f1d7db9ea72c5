package ar.aulas.accounts;

import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Creates, edits, finds and (de)activates accounts, with the uniqueness rules of DNI and email. */
@Service
public class AccountRegistry {

    /** @param surname the surname(s) that end the full name, when known (for sorting); null otherwise */
    public record AccountData(String fullName, String email, String dni, String institutionId, String position,
            Set<Role> roles, String coordinatedInstitutionId, String surname) {

        public AccountData(String fullName, String email, String dni, String institutionId, String position,
                Set<Role> roles, String coordinatedInstitutionId) {
            this(fullName, email, dni, institutionId, position, roles, coordinatedInstitutionId, null);
        }
    }

    private final AccountRepository accounts;
    private final InstitutionDirectory institutions;
    private final MongoTemplate mongo;

    AccountRegistry(AccountRepository accounts, InstitutionDirectory institutions, MongoTemplate mongo) {
        this.accounts = accounts;
        this.institutions = institutions;
        this.mongo = mongo;
    }

    public Optional<Account> find(String id) {
        return id == null ? Optional.empty() : accounts.findById(id);
    }

    /** The person of an active account as a logged-in user, for work resumed later on their behalf (a bulk job). */
    public Optional<AulasUser> actingAs(String id) {
        return find(id).filter(Account::isActive).map(AulasUser::new);
    }

    public Page<Account> search(String query, String institutionId, int page, int size) {
        var pageable = PageRequest.of(Math.max(0, page), size, Sort.by("fullName"));
        return institutionId == null || institutionId.isBlank()
                ? accounts.findBySearchTextContaining(Text.searchable(query), pageable)
                : accounts.findBySearchTextContainingAndInstitutionId(Text.searchable(query), institutionId, pageable);
    }

    public Account create(AccountData data) {
        Validated v = validate(data, null);
        Account account = new Account(data.fullName(), v.email, v.dni, data.institutionId(), data.position(), data.roles());
        account.update(data.fullName(), v.email, v.dni, data.institutionId(), data.position(), data.roles(),
                blankToNull(data.coordinatedInstitutionId()));
        account.surname(data.surname());
        return saveUnique(account, v);
    }

    public Account update(String id, long expectedVersion, AccountData data) {
        Account account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        if (account.getVersion() != null && account.getVersion() != expectedVersion) {
            throw new AccountException(null, "form.conflict");
        }
        Validated v = validate(data, id);
        String surname = data.surname() != null ? data.surname() : account.getSurname();
        account.update(data.fullName(), v.email, v.dni, data.institutionId(), data.position(), data.roles(),
                blankToNull(data.coordinatedInstitutionId()));
        account.surname(surname);
        return saveUnique(account, v);
    }

    public void deactivate(String id) {
        Account account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        account.deactivate();
        accounts.save(account);
    }

    public void activate(String id) {
        Account account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        account.activate();
        accounts.save(account);
    }

    /** Number of accounts per institution id (null key: accounts with no institution), computed by the store. */
    public Map<String, Long> countByInstitution() {
        var aggregation = Aggregation.newAggregation(Aggregation.group("institutionId").count().as("n"));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(aggregation, "accounts", Document.class).getMappedResults()) {
            counts.put(row.getString("_id"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    public List<Account> findAll(Collection<String> ids) {
        return accounts.findByIdIn(ids);
    }

    /** Full names by id, reading only the names (a thread of 500 replies names up to 500 people). */
    public Map<String, String> names(Collection<String> ids) {
        Query query = Query.query(
                Criteria.where("_id").in(new HashSet<>(ids)));
        query.fields().include("fullName");
        Map<String, String> names = new HashMap<>();
        mongo.find(query, Document.class, "accounts").forEach(d -> names.put(d.get("_id").toString(), d.getString("fullName")));
        return names;
    }

    /** Accounts with any of these DNIs (digits only), in one query. */
    public List<Account> findByDnis(Collection<String> dnis) {
        return mongo.find(Query.query(
                Criteria.where("dni").in(dnis)), Account.class);
    }

    /** Accounts with any of these emails (lower case), in one query. */
    public List<Account> findByEmails(Collection<String> emails) {
        return mongo.find(Query.query(
                Criteria.where("email").in(emails)), Account.class);
    }

    public Optional<Account> findByEmail(String email) {
        return Email.isValid(email) ? accounts.findByEmail(Email.parse(email).value()) : Optional.empty();
    }

    public boolean existsByEmail(String email) {
        return Email.isValid(email) && accounts.existsByEmail(Email.parse(email).value());
    }

    public long count() {
        return accounts.count();
    }

    private record Validated(Email email, Dni dni) {
    }

    private Validated validate(AccountData data, String selfId) {
        if (data.fullName() == null || data.fullName().isBlank()) {
            throw new AccountException("fullName", "account.fullName.required");
        }
        if (data.surname() != null && !data.surname().isBlank() && !data.fullName().strip().toLowerCase(Locale.ROOT)
                .endsWith(" " + data.surname().strip().toLowerCase(Locale.ROOT))) {
            throw new AccountException("surname", "account.surname.notEnd");
        }
        String nameProblem = PersonName.problem(data.fullName());
        if (nameProblem != null) {
            throw new AccountException("fullName", nameProblem, PersonName.MAX_LENGTH);
        }
        Email email;
        try {
            email = Email.parse(data.email());
        } catch (IllegalArgumentException e) {
            throw new AccountException("email", "account.email.malformed");
        }
        Dni dni = null;
        if (data.dni() != null && !data.dni().isBlank()) {
            try {
                dni = Dni.parse(data.dni());
            } catch (IllegalArgumentException e) {
                throw new AccountException("dni", "account.dni.malformed");
            }
        } else if (data.roles().contains(Role.PARTICIPANT)) {
            throw new AccountException("dni", "account.dni.required");
        }
        if (data.roles().isEmpty()) {
            throw new AccountException("roles", "account.roles.required");
        }
        if (data.institutionId() != null && !data.institutionId().isBlank() && !institutions.exists(data.institutionId())) {
            throw new AccountException("institutionId", "account.institution.unknown");
        }
        if ((data.institutionId() == null || data.institutionId().isBlank()) && data.roles().contains(Role.PARTICIPANT)) {
            throw new AccountException("institutionId", "account.institution.required");
        }
        String scope = blankToNull(data.coordinatedInstitutionId());
        if (scope != null && data.roles().contains(Role.COORDINATOR) && !institutions.exists(scope)) {
            throw new AccountException("coordinatedInstitutionId", "account.institution.unknown");
        }
        accounts.findByEmail(email.value()).filter(a -> !a.getId().equals(selfId)).ifPresent(a -> {
            throw new AccountException("email", "account.email.taken");
        });
        if (dni != null) {
            accounts.findByDni(dni.digits()).filter(a -> !a.getId().equals(selfId)).ifPresent(a -> {
                throw new AccountException("dni", "account.dni.taken");
            });
        }
        return new Validated(email, dni);
    }

    /** The unique indexes are the real guard: a concurrent duplicate is refused just the same. */
    private Account saveUnique(Account account, Validated v) {
        try {
            return accounts.save(account);
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("dni")) {
                throw new AccountException("dni", "account.dni.taken");
            }
            throw new AccountException("email", "account.email.taken");
        } catch (OptimisticLockingFailureException e) {
            throw new AccountException(null, "form.conflict");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static class AccountNotFound extends NotFoundException {
    }
}
