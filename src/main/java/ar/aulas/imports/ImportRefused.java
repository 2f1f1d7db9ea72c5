package ar.aulas.imports;

import ar.aulas.shared.Refusal;

/** A file refused as a whole (not CSV or XLSX, too large, empty, a required column missing…). */
public class ImportRefused extends Refusal {

    public ImportRefused(String messageKey, Object... args) {
        super("file", messageKey, args);
    }
}
