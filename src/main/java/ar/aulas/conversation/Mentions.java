package ar.aulas.conversation;

import ar.aulas.shared.Text;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who a text mentions: "@" followed by a member's full name, in any case and with or without accents
 * ("@maria jose ñañez" is María José Ñáñez). The longest name wins, so "@Ana María" is not taken for "@Ana".
 */
final class Mentions {

    private Mentions() {
    }

    /** @param members account id → full name of those who may be mentioned */
    static Set<String> in(String text, Map<String, String> members) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        String folded = Text.fold(text);
        Map<String, String> names = new HashMap<>();
        members.forEach((id, name) -> names.put(id, Text.fold(name.strip().replaceAll("\\s+", " "))));
        for (int at = folded.indexOf('@'); at >= 0; at = folded.indexOf('@', at + 1)) {
            String rest = folded.substring(at + 1).replaceAll("\\s+", " ");
            String best = null;
            int length = 0;
            for (var e : names.entrySet()) {
                String name = e.getValue();
                if (name.length() > length && rest.startsWith(name)
                        && (rest.length() == name.length() || !Character.isLetterOrDigit(rest.charAt(name.length())))) {
                    best = e.getKey();
                    length = name.length();
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        return found;
    }
}
