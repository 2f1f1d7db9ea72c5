/**
 * What truly every feature needs: the web layer's helpers (errors, flash messages, formats, public URLs), mail
 * and its outbox, file checks, exports and PDF fonts, the clock and the home page's contribution points. Open to
 * every module, and it depends on none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package ar.aulas.shared;

import org.springframework.modulith.ApplicationModule;
