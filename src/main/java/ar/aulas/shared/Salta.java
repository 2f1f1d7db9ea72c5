package ar.aulas.shared;

import java.time.ZoneId;

/** The programme's time zone: every date shown or typed is in Salta time. */
public final class Salta {

    public static final ZoneId ZONE = ZoneId.of("America/Argentina/Salta");

    private Salta() {
    }
}
