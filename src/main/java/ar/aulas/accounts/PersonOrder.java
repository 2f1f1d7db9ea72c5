package ar.aulas.accounts;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * People in the order a list in Salta puts them: by surname, then given names, with Spanish collation
 * (Álvarez beside Alvarez, Ñandú after Núñez; case and accents only break ties).
 */
public final class PersonOrder {

    private PersonOrder() {
    }

    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("es-AR"));
        collator.setStrength(Collator.TERTIARY);
        return collator;
    });

    /** Texts (institution names, team names) with Spanish collation. */
    public static final Comparator<String> TEXT = (a, b) -> COLLATOR.get().compare(a == null ? "" : a, b == null ? "" : b);

    /** Accounts by surname, then given names. */
    public static final Comparator<Account> ACCOUNTS = Comparator.comparing(Account::getSortName, TEXT)
            .thenComparing(Account::getId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The accounts in {@link #ACCOUNTS}' order, each one's collation key made once: a comparator asks the collator
     * at every comparison (sorting a course of 1,000 people made some 10,000 of them).
     */
    public static List<Account> sorted(Collection<Account> accounts) {
        record Keyed(CollationKey key, Account account) {
        }
        Collator collator = COLLATOR.get();
        return accounts.stream()
                .map(a -> new Keyed(collator.getCollationKey(a.getSortName() == null ? "" : a.getSortName()), a))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(k -> k.account().getId(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Keyed::account).toList();
    }

    /**
     * "Arias, Juan Pablo" from "Juan Pablo Arias" and its surname ("Arias"); without a known surname, the last word
     * is taken as the surname.
     */
    public static String sortName(String fullName, String surname) {
        String name = fullName == null ? "" : fullName.strip();
        if (surname != null && !surname.isBlank() && name.length() > surname.strip().length()
                && name.toLowerCase(Locale.ROOT).endsWith(surname.strip().toLowerCase(Locale.ROOT))) {
            String last = name.substring(name.length() - surname.strip().length());
            return last + ", " + name.substring(0, name.length() - last.length()).strip();
        }
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1) + ", " + name.substring(0, space);
    }
}
